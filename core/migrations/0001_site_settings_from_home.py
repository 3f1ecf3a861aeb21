"""The site settings move from the home app to core, with their rows: the table is
renamed and the content type (which their permissions hang on) relabelled."""

import django.db.models.deletion
from django.db import migrations, models


def relabel_content_type(apps, schema_editor, old="home", new="core"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label=old, model="sitesettings"
    ).update(app_label=new)


def relabel_back(apps, schema_editor):
    relabel_content_type(apps, schema_editor, old="core", new="home")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0002_page_type_newest_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "tagline",
                            models.CharField(
                                blank=True,
                                help_text="One line under the site name in the header.",
                                max_length=200,
                            ),
                        ),
                        (
                            "footer_text",
                            models.TextField(
                                blank=True,
                                help_text="Shown in the footer of every page, e.g. how to contact the collective.",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                    ],
                    options={"verbose_name": "site settings"},
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE home_sitesettings RENAME TO core_sitesettings",
                    "ALTER TABLE core_sitesettings RENAME TO home_sitesettings",
                ),
            ],
        ),
        migrations.RunPython(relabel_content_type, relabel_back),
    ]
