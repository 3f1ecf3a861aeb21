"""A GIN index on the combined title and body vectors of Wagtail's search index.

The PostgreSQL search backend matches with ``(title || body) @@ query``, which the
separate indexes on ``title`` and ``body`` cannot serve: without this one, every
search reads and concatenates the vectors of every indexed page. PostgreSQL only;
other databases have search indexes of their own.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
