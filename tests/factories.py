"""factory_boy factories for every page type and snippet. Pages are added to the
tree under ``parent`` (default: the site root page) and published unless
``live=False``."""

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from home.models import HomePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")


class PageFactory(factory.Factory):
    """Base for page factories: builds the page, adds it under ``parent``, publishes it."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        page = model_class(*args, **kwargs)
        if parent is None:
            parent = Site.objects.get(is_default_site=True).root_page
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            page.unpublish() if page.live else None
        page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Collective home"
    slug = "home"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Replace Wagtail's placeholder page and make the new home the default site's root."""
        root = Page.get_first_root_node()
        root.get_children().delete()
        home = super()._create(model_class, *args, parent=root, **kwargs)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "site_name": "Collective"},
        )
        return home
