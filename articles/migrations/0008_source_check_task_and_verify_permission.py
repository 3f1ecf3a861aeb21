"""The "Source check" step becomes a SourceCheckTask (the same task row, so its history
and any review under way stay), and fact-checkers and editors may set a source's
verification status."""

from django.db import migrations

SOURCE_CHECK = "Source check"
VERIFIERS = ["Fact-checkers", "Editors"]


def forwards(apps, schema_editor):
    FourEyes = apps.get_model("articles", "FourEyesApprovalTask")
    SourceCheckTask = apps.get_model("articles", "SourceCheckTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    task_type, _ = ContentType.objects.get_or_create(app_label="articles", model="sourcechecktask")
    for task in FourEyes.objects.filter(name=SOURCE_CHECK):
        if not SourceCheckTask.objects.filter(pk=task.pk).exists():
            # A child row for the existing task: multi-table inheritance, saved raw so
            # the parent rows are kept as they are.
            child = SourceCheckTask(foureyesapprovaltask_ptr_id=task.pk)
            child.__dict__.update({k: v for k, v in task.__dict__.items() if k != "_state"})
            child.save_base(raw=True)
        task.content_type = task_type
        task.save(update_fields=["content_type"])

    page_type, _ = ContentType.objects.get_or_create(app_label="articles", model="sourcepage")
    verify, _ = Permission.objects.get_or_create(
        content_type=page_type,
        codename="verify_source",
        defaults={"name": "Can set a source's verification status"},
    )
    for group in Group.objects.filter(name__in=VERIFIERS):
        group.permissions.add(verify)


def backwards(apps, schema_editor):
    FourEyes = apps.get_model("articles", "FourEyesApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="articles", model="foureyesapprovaltask"
    )
    FourEyes.objects.filter(name=SOURCE_CHECK).update(content_type=task_type)
    schema_editor.execute("DELETE FROM articles_sourcechecktask")


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_source_integrity")]

    operations = [migrations.RunPython(forwards, backwards)]
