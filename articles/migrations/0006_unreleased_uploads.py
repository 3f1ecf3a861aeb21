"""Uploads by contributors and fact-checkers are private until released.

Creates the collection "Unreleased uploads" (a child of the root collection) with a view
restriction (signed-in users only: Wagtail then serves its documents to nobody else,
and the documents API leaves them out), gives Contributors and Fact-checkers their
upload permissions there, and takes away their "add" permission on the root collection
(which would extend to every collection), so that every upload of theirs lands in
"Unreleased uploads". They keep "choose" on the root: using images and documents that
are already public is harmless. The removal is deliberate, unlike the set-up
migration's rule of only adding: it is what keeps their uploads out of readers' reach. Editors keep theirs on the root (so on every collection): they
release an upload by moving it out, and a page's uploads are released when the page
is published (articles.uploads). Safe to run again: found by name first.
"""

from django.db import migrations

COLLECTION = "Unreleased uploads"
GROUPS = ["Contributors", "Fact-checkers"]
UPLOADS = [
    ("wagtailimages", "image", ["add", "choose"]),
    ("wagtaildocs", "document", ["add", "choose"]),
]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's collections use
STEPLEN = 4


def step(number):
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def child_path(root, children):
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    return root.path + step(number)


def setup(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    unreleased = Collection.objects.filter(name=COLLECTION, depth=2).first()
    if unreleased is None:
        children = Collection.objects.filter(depth=2, path__startswith=root.path)
        unreleased = Collection.objects.create(
            name=COLLECTION, path=child_path(root, children), depth=2, numchild=0
        )
        root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])
    if not CollectionViewRestriction.objects.filter(collection=unreleased).exists():
        CollectionViewRestriction.objects.create(collection=unreleased, restriction_type="login")

    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, actions in UPLOADS:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for action in actions:
                perm, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=unreleased, permission=perm
                )
                if action == "add":
                    GroupCollectionPermission.objects.filter(
                        group=group, collection=root, permission=perm
                    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_source_newest_first_index"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
