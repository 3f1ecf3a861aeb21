"""The site settings are core's now (core/migrations/0001): gone from this app's state,
their table kept and renamed there."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0002_page_type_newest_index"), ("core", "0001_site_settings_from_home")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SiteSettings")],
        ),
    ]
