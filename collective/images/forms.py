"""The admin's image form: uploads are cleaned of their metadata while being validated.

Set as WAGTAILIMAGES_IMAGE_FORM_BASE, so it is used by the add and edit views, the
multiple upload and the chooser's upload. Cleaning here, rather than only when the
model is saved, turns a file that cannot be cleaned into a form error.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from .metadata import IMAGE_REFUSED, MetadataCleaningError, clean_image, clean_upload


class CollectiveImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].to_python = _refusing_damaged_files(self.fields["file"].to_python)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):  # no new file
            return upload
        try:
            return clean_upload(upload, clean_image)
        except MetadataCleaningError as error:
            raise ValidationError(error.message, code="metadata") from error


def _refusing_damaged_files(to_python):
    """Wagtail's image field checks, with a file Pillow cannot read refused, not a crash.

    (Wagtail's pixel-count check lets Pillow's error through when a file looks like an
    image to Willow but not to Pillow.)
    """

    def checked_to_python(data):
        try:
            return to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # any failure to read the file refuses it
            raise ValidationError(IMAGE_REFUSED, code="invalid_image") from error

    return checked_to_python
