"""Each document's SHA-256 fingerprint, computed for the documents already stored.

A document whose file is missing from storage is left without one (it is computed again
when a new file is uploaded)."""

import hashlib

from django.db import migrations, models


def backfill(apps, schema_editor):
    Document = apps.get_model("documents", "CollectiveDocument")
    for document in Document.objects.filter(sha256="").exclude(file="").iterator():
        digest = hashlib.sha256()
        try:
            with document.file.storage.open(document.file.name, "rb") as stored:
                for chunk in iter(lambda: stored.read(1 << 16), b""):
                    digest.update(chunk)
        except OSError:  # missing or unreadable: no fingerprint rather than a wrong one
            continue
        Document.objects.filter(pk=document.pk).update(sha256=digest.hexdigest())


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_random_file_names")]

    operations = [
        migrations.AddField(
            model_name="collectivedocument",
            name="sha256",
            field=models.CharField(
                blank=True, db_index=True, editable=False, max_length=64, verbose_name="SHA-256"
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
