"""Uploads by contributors and fact-checkers wait in the "Unreleased uploads" collection
(migration 0006), which Wagtail serves and lists to nobody but signed-in users, until
they are released: by an editor moving them to another collection, or here, when a
page using them is published (through review: only the workflow's last step, or an
administrator, publishes)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, ReferenceIndex

UNRELEASED = "Unreleased uploads"


def unreleased_collection():
    return Collection.objects.filter(name=UNRELEASED, depth=2).first()


def release_uploads_of(page):
    """Move the unreleased images and documents ``page`` uses (in any field, block or
    rich text, as Wagtail's reference index sees them) to the root collection."""
    unreleased = unreleased_collection()
    if unreleased is None:
        return 0
    ReferenceIndex.create_or_update_for_object(page)  # as published, not as queued
    references = ReferenceIndex.get_references_for_object(page)
    released = 0
    for model in (get_document_model(), get_image_model()):
        ids = references.filter(
            to_content_type=ContentType.objects.get_for_model(model)
        ).values_list("to_object_id", flat=True)
        released += model.objects.filter(
            pk__in=[int(pk) for pk in ids if pk.isdigit()], collection=unreleased
        ).update(collection=unreleased.get_parent())
    return released


def release_published_uploads(sender, instance, **kwargs):
    release_uploads_of(instance.specific)
