"""The admin's image form: uploads are cleaned of their metadata while being validated.

Set as WAGTAILIMAGES_IMAGE_FORM_BASE, so it is used by the add and edit views, the
multiple upload and the chooser's upload. Cleaning here, rather than only when the
model is saved, turns a file that cannot be cleaned into a form error.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from .metadata import IMAGE_REFUSED, MetadataCleaningError, clean_image, clean_upload


class DefaultCollectionMixin:
    """Where someone may upload to more than one collection (editors: the public root,
    and "Unreleased uploads"), an upload that names none goes where it is now, or for a
    new one to the first of them by position: the root."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "collection" in self.fields:
            self.fields["collection"].required = False

    def clean_collection(self):
        chosen = self.cleaned_data.get("collection")
        if chosen:
            return chosen
        if self.instance.pk and self.instance.collection_id:
            return self.instance.collection
        return self.collections.order_by("path").first()


class CollectiveImageForm(DefaultCollectionMixin, BaseImageForm):
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
