from django.db import models
from wagtail.documents.models import AbstractDocument, Document


class CollectiveDocument(AbstractDocument):
    """An uploaded document (a source's scan, a transcript) with a short description."""

    description = models.TextField(
        blank=True,
        help_text="What the file is, for editors and for readers who download it.",
    )

    admin_form_fields = (*Document.admin_form_fields, "description")
