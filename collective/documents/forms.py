"""The admin's document form: uploads are cleaned of their metadata while being validated.

Set as WAGTAILDOCS_DOCUMENT_FORM_BASE, so it is used by the add and edit views, the
multiple upload and the chooser's upload. A document that cannot be cleaned is refused
with a form error here; the model's save() cleans with the same function as a safety net
for uploads that do not come through a form.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from collective.images.forms import DefaultCollectionMixin
from collective.images.metadata import MetadataCleaningError, clean_upload

from .metadata import clean_document


class CollectiveDocumentForm(DefaultCollectionMixin, BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):  # no new file
            return upload
        try:
            return clean_upload(upload, clean_document)
        except MetadataCleaningError as error:
            raise ValidationError(error.message, code="metadata") from error
