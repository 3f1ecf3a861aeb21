"""RSS 2.0 and Atom feeds of essays, site-wide and per organisation.

Authors are the contributors' pen names; no account name or email is ever given."""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles.models import OrganisationPage
from articles.models.essays import EssayContributor, EssayTopic, live_essays

FEED_LENGTH = 30
# What an item shows of an essay.
ITEM_FIELDS = (
    "title",
    "url_path",
    "listing_summary",
    "standfirst",
    "publication_date",
    "first_published_at",
    "last_published_at",
)


def names_by_essay(rows):
    """{essay id: [names]} from (essay id, name) rows in order."""
    grouped = {}
    for page_id, label in rows:
        grouped.setdefault(page_id, []).append(label)
    return grouped


class EssayFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Collective: essays"
    link = "/essays/"
    description = "Critical essays on political organisations, every claim cited."

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed generator writes to the response a tag at a time: a thousand pieces
        # for a full feed, each a write of its own to the socket. Send it as one.
        response.content = response.content
        return response

    def items(self, obj=None):
        """The newest essays, each with its pen names and topic names in reading order
        (``feed_authors``, ``feed_topics``): three queries in all."""
        essays = list(self.essays(*([obj] if obj else [])).only(*ITEM_FIELDS)[:FEED_LENGTH])
        ids = [essay.pk for essay in essays]
        authors = names_by_essay(
            EssayContributor.objects.filter(page_id__in=ids)
            .order_by("page_id", "sort_order")
            .values_list("page_id", "contributor__name")
        )
        topics = names_by_essay(
            EssayTopic.objects.filter(content_object_id__in=ids)
            .order_by("content_object_id", "pk")
            .values_list("content_object_id", "tag__name")
        )
        for essay in essays:
            essay.feed_authors = authors.get(essay.pk, [])
            essay.feed_topics = topics.get(essay.pk, [])
        return essays

    def essays(self):
        return live_essays()

    def item_title(self, essay):
        return essay.title

    def item_description(self, essay):
        return essay.listing_summary or essay.standfirst

    def item_link(self, essay):
        return essay.url

    def item_guid(self, essay):
        return f"collective-essay-{essay.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, essay):
        day = essay.publication_date or essay.first_published_at.date()
        return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, essay):
        return essay.last_published_at

    def item_author_name(self, essay):
        return ", ".join(essay.feed_authors)

    def item_categories(self, essay):
        return essay.feed_topics


class AtomEssayFeed(EssayFeed):
    feed_type = Atom1Feed
    subtitle = EssayFeed.description


class OrganisationEssayFeed(EssayFeed):
    def get_object(self, request, slug):
        return get_object_or_404(OrganisationPage.objects.readable(), slug=slug)

    def title(self, organisation):
        return f"Collective: essays about the {organisation.short_name}"

    def link(self, organisation):
        return organisation.url

    def description(self, organisation):
        return f"Essays about the {organisation.full_name}."

    def essays(self, organisation):
        return live_essays().filter(organisations=organisation)


class AtomOrganisationEssayFeed(OrganisationEssayFeed):
    feed_type = Atom1Feed

    def subtitle(self, organisation):
        return self.description(organisation)
