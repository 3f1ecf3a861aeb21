"""Editors, and only Editors, read and answer anonymous submissions: the
"read_submission" permission, given to the Editors group."""

from django.db import migrations

EDITORS = "Editors"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    submission_type, _ = ContentType.objects.get_or_create(app_label="articles", model="submission")
    read, _ = Permission.objects.get_or_create(
        content_type=submission_type,
        codename="read_submission",
        defaults={"name": "Can read and answer anonymous submissions"},
    )
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(read)


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_submissions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
