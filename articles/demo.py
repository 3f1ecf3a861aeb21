"""The demo site that `make run` loads. Idempotent: every object is found by a
natural key (slug, name) before it is created."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from home.models import HomePage


def ensure_home_page():
    """Put a HomePage in place of Wagtail's placeholder page, once, and point the site at it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's own migration leaves a plain "Welcome" page where the home page goes.
        root.get_children().filter(content_type=ContentType.objects.get_for_model(Page)).delete()
        home = root.add_child(
            instance=HomePage(
                title="Essays and sources on political organisations",
                slug="home",
                introduction=(
                    "<p>Collective publishes critical essays about political organisations, "
                    "keeps a sourced profile of each, and files every claim against the "
                    "documents, transcripts and testimony behind it.</p>"
                ),
            )
        )
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "root_page": home,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    return home


def load():
    home = ensure_home_page()
    return [f"Home page: {home.title}"]
