"""RSS 2.0 and Atom feeds of essays, site-wide and per organisation.

Authors are the contributors' pen names; no account name or email is ever given."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles.models import OrganisationPage
from articles.models.essays import EssayTopic, live_essays, with_contributors

FEED_LENGTH = 30


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
        # The topics through their tagging rows: taggit's manager would build a
        # queryset for every item even with its results prefetched.
        topics = Prefetch("topic_items", queryset=EssayTopic.objects.select_related("tag"))
        return self.essays(obj).prefetch_related(with_contributors(), topics)[:FEED_LENGTH]

    def essays(self, obj):
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
        return ", ".join(item.contributor.name for item in essay.essay_contributors.all())

    def item_categories(self, essay):
        return [item.tag.name for item in essay.topic_items.all()]


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
