from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CollectiveImage(AbstractImage):
    """An uploaded image with the caption and credit readers see beside it."""

    caption = models.CharField(max_length=255, blank=True)
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who made or owns the image, as it should be credited to readers.",
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")


class CollectiveRendition(AbstractRendition):
    image = models.ForeignKey(CollectiveImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
