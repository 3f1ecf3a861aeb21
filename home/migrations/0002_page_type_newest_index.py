"""An index on Wagtail's page table for "the newest pages of one type".

Queries such as the home page's recent sources filter by content type and order by
first publication; Wagtail's own index on ``first_published_at`` alone makes them read
every newer page of every other type first.
"""

from django.db import migrations

INDEX = "page_type_first_published"


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
            "(content_type_id, first_published_at DESC)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
