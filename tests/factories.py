"""factory_boy factories for every page type and snippet.

Pages are added to the tree under ``parent`` (default: their index page under the
home page, created on first use) and published unless ``live=False``.
"""

import datetime
import json

import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.models import Page, Site

from articles.models import (
    Contributor,
    EssayContributor,
    EssayIndexPage,
    EssayPage,
    OrganisationIndexPage,
    OrganisationPage,
    SourceIndexPage,
    SourcePage,
)
from home.models import HomePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")


class PageFactory(factory.Factory):
    """Base for page factories: builds the page, adds it under ``parent``, publishes it.

    Subclasses may override ``default_parent`` and ``make_page`` (to set relations
    before the page is saved).
    """

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def default_parent(cls):
        return home_page()

    @classmethod
    def make_page(cls, model_class, **kwargs):
        return model_class(**kwargs)

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        page = cls.make_page(model_class, **kwargs)
        parent = parent or cls.default_parent()
        if not live:
            page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
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


def home_page():
    return HomePage.objects.first() or HomePageFactory()


class EssayIndexPageFactory(PageFactory):
    class Meta:
        model = EssayIndexPage

    title = "Essays"
    slug = "essays"


class OrganisationIndexPageFactory(PageFactory):
    class Meta:
        model = OrganisationIndexPage

    title = "Organisations"
    slug = "organisations"


class SourceIndexPageFactory(PageFactory):
    class Meta:
        model = SourceIndexPage

    title = "Sources"
    slug = "sources"


INDEX_FACTORIES = {
    EssayIndexPage: EssayIndexPageFactory,
    OrganisationIndexPage: OrganisationIndexPageFactory,
    SourceIndexPage: SourceIndexPageFactory,
}


def index_page(model):
    """The single index page of ``model`` under the home page, created on first use."""
    home = home_page()
    return model.objects.child_of(home).first() or INDEX_FACTORIES[model](parent=home)


class ContributorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contributor
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Pen Name {n}")
    slug = factory.LazyAttribute(lambda c: slugify(c.name))
    bio = "Writes about party democracy."
    is_pseudonymous = True


class OrganisationPageFactory(PageFactory):
    class Meta:
        model = OrganisationPage

    @classmethod
    def default_parent(cls):
        return index_page(OrganisationIndexPage)

    short_name = factory.Sequence(lambda n: f"ORG{n}")
    full_name = factory.LazyAttribute(lambda o: f"Organisation {o.short_name}")
    title = factory.LazyAttribute(lambda o: o.full_name)
    slug = factory.LazyAttribute(lambda o: o.short_name.lower())
    summary = "A small revolutionary organisation."
    founded = 1980
    status = OrganisationPage.Status.ACTIVE


class SourcePageFactory(PageFactory):
    class Meta:
        model = SourcePage

    @classmethod
    def default_parent(cls):
        return index_page(SourceIndexPage)

    title = factory.Sequence(lambda n: f"Source document {n}")
    source_type = SourcePage.SourceType.INTERNAL_DOCUMENT
    creator = "Central Committee"
    date = datetime.date(2013, 1, 4)
    date_precision = "day"
    original_url = factory.Sequence(lambda n: f"https://example.org/documents/{n}")
    archived_url = factory.LazyAttribute(
        lambda s: f"https://web.archive.org/web/2020/{s.original_url}"
    )
    summary = "<p>A document circulated to members before the conference.</p>"

    @classmethod
    def make_page(cls, model_class, organisations=(), **kwargs):
        page = model_class(**kwargs)
        page.organisations = list(organisations)
        return page


def cite(source, words="a claim", pinpoint=""):
    """A citation link in rich text database format."""
    extra = f' data-pinpoint="{pinpoint}"' if pinpoint else ""
    return f'<a linktype="citation" id="{source.pk}"{extra}>{words}</a>'


def paragraphs(*html):
    return json.dumps([{"type": "paragraph", "value": value} for value in html])


class EssayPageFactory(PageFactory):
    class Meta:
        model = EssayPage

    @classmethod
    def default_parent(cls):
        return index_page(EssayIndexPage)

    title = factory.Sequence(lambda n: f"Essay {n}")
    standfirst = "How a leadership answered its critics."
    publication_date = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
    )
    body = paragraphs("<p>Text without citations.</p>")

    @classmethod
    def make_page(
        cls, model_class, contributors=(), organisations=(), topics=(), cites=(), **kwargs
    ):
        """``cites``: sources, or (source, pinpoint) pairs, each cited in a paragraph of its own."""
        if cites:
            pairs = [item if isinstance(item, tuple) else (item, "") for item in cites]
            kwargs["body"] = paragraphs(
                *(f"<p>It says {cite(source, pinpoint=pin)}.</p>" for source, pin in pairs)
            )
        page = model_class(**kwargs)
        page.essay_contributors = [
            EssayContributor(contributor=contributor, sort_order=i)
            for i, contributor in enumerate(list(contributors) or [ContributorFactory()])
        ]
        page.organisations = list(organisations)
        if topics:
            page.topics.add(*topics)
        return page
