"""Editors decide on archive captures (the admin's "Archive captures": accept one as a
source's archived copy, in a draft, or dismiss it): Django's "change" permission on
ArchiveRequest, given to the Editors group."""

from django.db import migrations

EDITORS = "Editors"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    request_type, _ = ContentType.objects.get_or_create(
        app_label="articles", model="archiverequest"
    )
    decide, _ = Permission.objects.get_or_create(
        content_type=request_type,
        codename="change_archiverequest",
        defaults={"name": "Can change archive request"},
    )
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(decide)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_source_verification_help")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
