"""The anonymous page cache: used for readers, never stale, never for anyone else."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from articles.models import EssayIndexPage
from articles.sitemaps import SiteSitemap
from tests.factories import (
    ContributorFactory,
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
    UserFactory,
    index_page,
)

pytestmark = pytest.mark.django_db

LOCAL = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pc"}}


@pytest.fixture(autouse=True)
def page_cache():
    with override_settings(PAGE_CACHE_ENABLED=True, CACHES=LOCAL):
        caches["default"].clear()
        yield
        caches["default"].clear()


@pytest.fixture
def site(home_page):
    org = OrganisationPageFactory(short_name="SWP")
    source = SourcePageFactory(title="Bulletin", organisations=[org])
    essay = EssayPageFactory(title="First essay", organisations=[org], cites=[source])
    return {"org": org, "source": source, "essay": essay}


def commit():
    """Run what waits for the transaction to commit (each test runs inside one), as the
    end of a publishing request would: the cache purge happens only then."""
    connection = transaction.get_connection()
    callbacks, connection.run_on_commit = connection.run_on_commit, []
    for _, callback, _ in callbacks:
        callback()


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_anonymous_readers_are_served_from_the_cache(client, site):
    first = get(client, "/essays/")
    second = get(client, "/essays/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert second["Content-Security-Policy"]  # security headers are added to hits too


def test_signed_in_users_are_never_served_or_stored(client, site):
    get(client, "/essays/")
    client.force_login(UserFactory(username="reader-with-account"))
    response = get(client, "/essays/")
    assert "X-Page-Cache" not in response


def test_responses_that_set_a_cookie_are_not_cached(client, site):
    private = EssayPageFactory(title="Private essay")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    for _ in range(2):
        response = client.get(private.url)
        assert response.get("X-Page-Cache") != "hit"


LISTINGS = ["/", "/essays/", "/feeds/essays/rss/", "/sitemap-pages.xml", "/search/?query=essay"]


def warm(client, urls):
    for url in urls:
        get(client, url)
        assert get(client, url)["X-Page-Cache"] == "hit", url


def test_publishing_purges_every_page_that_shows_the_essay(client, site):
    urls = [*LISTINGS, site["org"].url, site["source"].url]
    warm(client, urls)
    EssayPageFactory(title="Fresh essay", organisations=[site["org"]], cites=[site["source"]])
    commit()
    for url in urls:
        response = get(client, url)
        assert response["X-Page-Cache"] == "miss", url
        content = response.content.decode()
        assert "Fresh essay" in content or "/fresh-essay/" in content, url


def test_the_sitemap_index_and_each_page_of_its_sections_are_cached_and_purged(
    client, site, monkeypatch
):
    monkeypatch.setattr(SiteSitemap, "limit", 2)
    urls = ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-pages.xml?p=2"]
    warm(client, urls)
    assert get(client, urls[1]).content != get(client, urls[2]).content
    EssayPageFactory(title="Fresh essay", contributors=[ContributorFactory(name="New Writer")])
    commit()
    for url in urls:
        assert get(client, url)["X-Page-Cache"] == "miss", url
    assert "/contributors/new-writer/" in get(client, "/sitemap-contributors.xml").content.decode()


def test_renaming_unpublishing_moving_and_deleting_purge(client, site):
    essay = site["essay"]
    warm(client, ["/essays/", essay.url])
    essay.title = "Renamed essay"
    essay.save_revision().publish()
    commit()
    assert "Renamed essay" in get(client, "/essays/").content.decode()
    assert "Renamed essay" in get(client, essay.url).content.decode()

    warm(client, ["/essays/"])
    essay.refresh_from_db()
    essay.unpublish()
    commit()
    assert "Renamed essay" not in get(client, "/essays/").content.decode()

    essay.save_revision().publish()
    commit()
    warm(client, ["/essays/"])
    essay.refresh_from_db()
    essay.move(index_page(EssayIndexPage), pos="first-child")
    commit()
    assert get(client, "/essays/")["X-Page-Cache"] == "miss"

    warm(client, ["/essays/", site["org"].url])
    essay.refresh_from_db()
    essay.delete()
    commit()
    assert "Renamed essay" not in get(client, "/essays/").content.decode()
    assert "Renamed essay" not in get(client, site["org"].url).content.decode()


def test_a_deploy_purges_the_page_cache(client, site):
    """Deploying runs the migrations: pages rendered by the code it replaces are not served."""
    warm(client, ["/essays/"])
    call_command("migrate", verbosity=0)
    commit()
    assert get(client, "/essays/")["X-Page-Cache"] == "miss"


@pytest.mark.real_commits
def test_the_purge_waits_for_the_commit(client, site):
    """A reader during the publishing transaction must not cache the old page under
    the new generation: nothing is purged until the commit."""
    warm(client, ["/essays/"])
    EssayPageFactory(title="Not yet committed")
    assert get(client, "/essays/")["X-Page-Cache"] == "hit"
    commit()
    assert "Not yet committed" in get(client, "/essays/").content.decode()


def test_making_a_page_private_purges_it(client, site):
    warm(client, ["/essays/"])
    PageViewRestriction.objects.create(
        page=site["essay"], restriction_type="password", password="pw"
    )
    commit()
    assert "First essay" not in get(client, "/essays/").content.decode()


def redis_available():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/9",
        "KEY_PREFIX": "collective-test",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}


@pytest.mark.skipif(not redis_available(), reason="no Redis on 127.0.0.1:6379 to test against")
def test_the_redis_cache_path(client, site):
    with override_settings(CACHES=REDIS):
        caches["default"].clear()
        try:
            assert get(client, "/essays/")["X-Page-Cache"] == "miss"
            assert get(client, "/essays/")["X-Page-Cache"] == "hit"
            EssayPageFactory(title="Redis essay")
            commit()
            response = get(client, "/essays/")
            assert response["X-Page-Cache"] == "miss"
            assert "Redis essay" in response.content.decode()
        finally:
            caches["default"].clear()


def test_a_dead_redis_degrades_to_cache_misses(client, site):
    dead = {"default": {**REDIS["default"], "LOCATION": "redis://127.0.0.1:1/9"}}
    with override_settings(CACHES=dead):
        assert "1 essay<" in get(client, "/essays/").content.decode()
        EssayPageFactory(title="Published while Redis is down")
        commit()
        page = get(client, "/essays/").content.decode()
        assert "2 essays" in page
        assert "Published while Redis is down" in page


class PurgeRecorder(BaseHTTPRequestHandler):
    """A stand-in CDN: records each PURGE request's path."""

    purged = []

    def do_PURGE(self):
        self.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn():
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.purged = []
    backend = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=backend):
        yield PurgeRecorder.purged
    server.shutdown()


def test_publishing_purges_the_cdn_for_every_page_that_shows_it(site, cdn):
    essay = EssayPageFactory(
        title="Purged essay",
        slug="purged-essay",
        organisations=[site["org"]],
        cites=[site["source"]],
    )
    for path in (
        "/essays/purged-essay/",
        "/essays/",
        "/",
        site["org"].url,
        site["source"].url,
        "/feeds/essays/rss/",
        "/feeds/essays/atom/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/sitemap-contributors.xml",
        f"/feeds/organisations/{site['org'].slug}/rss/",
    ):
        assert path in cdn, path
    cdn.clear()
    essay.refresh_from_db()
    essay.unpublish()
    assert "/essays/purged-essay/" in cdn


def test_unknown_and_reordered_parameters_are_the_same_page_and_entry(client, site):
    org = site["org"].slug
    assert get(client, f"/essays/?organisation={org}&page=1")["X-Page-Cache"] == "miss"
    for same in (
        f"/essays/?page=1&organisation={org}",
        f"/essays/?organisation={org}&page=1&utm_source=newsletter",
        f"/essays/?organisation={org}&organisation=other&page=1&fbclid=x",
    ):
        response = get(client, same)
        assert response["X-Page-Cache"] == "hit", same
    # The page never saw the parameters it does not read: its links do not carry them.
    response = get(client, f"/essays/?topic=&utm_source=newsletter&x={'y' * 50}")
    assert b"utm_source" not in response.content
    assert response["X-Page-Cache"] == "miss"
    assert get(client, "/essays/")["X-Page-Cache"] == "hit"


def test_pages_tell_shared_caches_how_long_to_keep_them_and_personal_ones_not_to(client, site):
    public = get(client, site["essay"].url)["Cache-Control"]
    assert "public" in public and "s-maxage=600" in public
    assert "private, no-store" in client.get("/essays/?page=99")["Cache-Control"]  # a 404
    PageViewRestriction.objects.create(
        page=site["essay"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert "private" in client.get(site["essay"].url)["Cache-Control"]
    client.force_login(UserFactory(is_superuser=True))
    signed_in = client.get(site["org"].url)["Cache-Control"]
    assert "private" in signed_in and "no-store" in signed_in and "public" not in signed_in


def test_a_publish_while_redis_is_down_shows_once_the_entries_kept_before_expire(client, site):
    """The generation cannot move on while Redis is down; what was kept before the
    change expires PAGE_CACHE_SECONDS after it was written, so no reader sees the old
    page for longer than that."""
    dead = {"default": {**REDIS["default"], "LOCATION": "redis://127.0.0.1:1/9"}}
    with override_settings(CACHES=REDIS, PAGE_CACHE_SECONDS=2):
        caches["default"].clear()
        try:
            assert get(client, "/essays/")["X-Page-Cache"] == "miss"
            with override_settings(CACHES=dead):
                EssayPageFactory(title="Published while Redis is down")
                commit()
            stale = get(client, "/essays/")
            assert stale["X-Page-Cache"] == "hit"  # within the bound: the page kept before
            time.sleep(2.1)
            fresh = get(client, "/essays/")
            assert "Published while Redis is down" in fresh.content.decode()
        finally:
            caches["default"].clear()


def test_a_served_page_reads_neither_the_site_nor_its_settings(client, site):
    """CachedSiteMiddleware hands Wagtail the request's Site through the attribute
    ``Site.find_for_request`` documents (``request._wagtail_site``): if Wagtail stops
    reading it, this fails."""
    get(client, site["org"].url)
    with CaptureQueriesContext(connection) as queries:
        response = get(client, site["org"].url + "?page=1")
    assert response["X-Page-Cache"] == "miss"
    tables = " ".join(query["sql"] for query in queries)
    assert "wagtailcore_site" not in tables
    assert "core_sitesettings" not in tables


def test_every_parameter_a_page_reads_is_part_of_the_key(settings, site):
    """A filter missing from PAGE_CACHE_PARAMETERS would be dropped before pages see it."""
    from django.http import QueryDict

    from articles.models import SourceIndexPage
    from search.views import search_filters

    filters = [
        *index_page(EssayIndexPage).get_listing(QueryDict()).filters,
        *index_page(SourceIndexPage).get_listing(QueryDict()).filters,
        *search_filters(),
    ]
    assert {flt.name for flt in filters} | {"page", "query"} <= set(settings.PAGE_CACHE_PARAMETERS)
