"""The admin's image form: uploads are cleaned of their metadata while being validated.

Set as WAGTAILIMAGES_IMAGE_FORM_BASE, so it is used by the add and edit views, the
multiple upload and the chooser's upload. Cleaning here, rather than only when the
model is saved, turns a file that cannot be cleaned into a form error.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from .metadata import MetadataCleaningError, clean_image, clean_upload


class CollectiveImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):  # no new file
            return upload
        try:
            return clean_upload(upload, clean_image)
        except MetadataCleaningError as error:
            raise ValidationError(error.message, code="metadata") from error
