import secrets
from pathlib import PurePosixPath

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .metadata import ImageMetadataStrippingMixin


def random_name(folder, filename):
    """``folder``/<32 random hex characters><the file's extension>: an upload's own name
    (often its author's, or a draft title) is never stored, served or sent to a reader."""
    extension = PurePosixPath(filename).suffix.lower()[:10]
    if not extension[1:].isalnum():
        extension = ""
    return f"{folder}/{secrets.token_hex(16)}{extension}"


class CollectiveImage(ImageMetadataStrippingMixin, AbstractImage):
    """An uploaded image with the caption and credit readers see beside it.

    Its file is stripped of EXIF, XMP and IPTC metadata (GPS position, camera serial
    number, author, comments) before it is stored, whatever the upload route: see
    ``collective.images.metadata``.
    """

    caption = models.CharField(max_length=255, blank=True)
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who made or owns the image, as it should be credited to readers.",
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")

    def get_upload_to(self, filename):
        # Renditions are named after the original: they are random too.
        return random_name("original_images", filename)


class CollectiveRendition(AbstractRendition):
    image = models.ForeignKey(CollectiveImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
