import hashlib

from django.db import models
from wagtail.documents.models import AbstractDocument, Document

from collective.images.metadata import MetadataStrippingMixin
from collective.images.models import random_name

from .metadata import clean_document


def document_upload_to(instance, filename):
    return random_name("documents", filename)


class CollectiveDocument(MetadataStrippingMixin, AbstractDocument):
    """An uploaded document (a source's scan, a transcript) with a short description.

    Its file is stripped of author information (PDF document info and XMP, DOCX and
    ODT properties, comment authors) before it is stored, whatever the upload route:
    see ``collective.documents.metadata``.
    """

    file = models.FileField(upload_to=document_upload_to, verbose_name="file")
    description = models.TextField(
        blank=True,
        help_text="What the file is, for editors and for readers who download it.",
    )

    # The SHA-256 of the stored (cleaned) file, as hex: readers compare a copy they
    # hold with it. Set with the file (MetadataStrippingMixin.save).
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, db_index=True, editable=False)

    admin_form_fields = (*Document.admin_form_fields, "description")
    file_metadata_fields = (*MetadataStrippingMixin.file_metadata_fields, "sha256")

    def clean_file_data(self, data, filename):
        return clean_document(data, filename)

    def set_file_metadata(self, data):
        super().set_file_metadata(data)
        self.sha256 = hashlib.sha256(data).hexdigest()
