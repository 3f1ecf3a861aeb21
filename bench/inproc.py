"""The Django side of the benchmark, run by bench/run.py with the server's environment.

    python bench/inproc.py urls            # the URLs to measure, chosen from the built site
    python bench/inproc.py count URL...    # SQL queries and body bytes of each URL
    python bench/inproc.py admin [REPEAT]  # the admin views: median ms and queries

``count`` requests each URL twice with Django's test client, in this process, against
the same database and cache as the server: once to warm up (and, with the page cache on,
to fill it), then once counted with CaptureQueriesContext. Prints one line of JSON after
the marker ``INPROC_JSON``.

``admin`` signs in as an administrator (a superuser the command creates in the built,
throwaway database, with a confirmed two-factor device marked verified in the session as
django_otp's login does), requests each admin view once to warm up, then REPEAT times
(5), and reports the median time in this process and the queries of the last request.
"""

import json
import math
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collective.settings.production")


def setup():
    from collective.startup import check_settings

    check_settings()
    import django

    django.setup()


# What a URL is, for its target: a page (feeds, sitemaps and robots.txt are pages), a
# search, an API request, or the static file every other URL is compared with.
KINDS = ("page", "search", "api", "static")


def choose_urls():
    """{"name", "url", "kind", "note"} for every public URL the benchmark measures: each
    kind of detail page, every index with each of its filters and a page N of a listing,
    the feeds, the API's endpoints, searches with each filter and a phrase, the sitemaps
    and robots.txt. Names are the same on every site; the URLs are chosen from the site."""
    from django.conf import settings
    from django.db.models import Count, Q
    from django.urls import reverse
    from taggit.models import Tag

    from articles.models import (
        Contributor,
        EssayIndexPage,
        EssayPage,
        OrganisationIndexPage,
        OrganisationPage,
        SourceIndexPage,
        SourcePage,
    )
    from articles.sitemaps import SITEMAPS
    from bench.management.commands.build_bench_site import COMMON_WORD, RARE_WORD

    essays = EssayPage.objects.readable()
    organisation = (
        OrganisationPage.objects.readable()
        .annotate(n=Count("essays", filter=Q(essays__live=True)))
        .order_by("-n", "pk")
        .first()
    )
    topic = (
        Tag.objects.filter(
            articles_essaytopic_items__content_object__in=essays.filter(organisations=organisation)
        )
        .annotate(n=Count("pk"))
        .order_by("-n", "pk")
        .first()
    )
    contributor = (
        Contributor.objects.annotate(n=Count("essays", filter=Q(essays__page__live=True)))
        .order_by("-n", "pk")
        .first()
    )
    year = (
        essays.values_list("publication_date__year", flat=True)
        .annotate(n=Count("pk"))
        .order_by("-n", "-publication_date__year")
        .first()
    )
    source = (
        SourcePage.objects.readable()
        .annotate(n=Count("citations", filter=Q(citations__page__live=True)))
        .order_by("-n", "pk")
        .first()
    )
    source_type = (
        SourcePage.objects.readable()
        .values_list("source_type", flat=True)
        .annotate(n=Count("pk"))
        .order_by("-n", "source_type")
        .first()
    )
    # A typical essay: as many citations as the median (5 to 20: 12), the newest such.
    essay = (
        essays.annotate(n=Count("citations"))
        .filter(n=12)
        .order_by("-publication_date", "-pk")
        .first()
    ) or essays.order_by("-publication_date", "-pk").first()
    # A phrase of the essay's title ("The <word> and the <word> in the ..."): in a few essays.
    phrase = " ".join(essay.title.split()[1:5])
    index = EssayIndexPage.objects.readable().first()
    source_index = SourceIndexPage.objects.readable().first()
    organisation_index = OrganisationIndexPage.objects.readable().first()
    last_page = max(1, math.ceil(essays.count() / index.per_page))
    sitemaps = {name: sitemap() for name, sitemap in SITEMAPS.items()}
    largest = max(sitemaps, key=lambda name: sitemaps[name].paginator.count)
    section = sitemaps[largest].paginator
    feed = reverse("organisation_feed_rss", args=(organisation.slug,))
    atom = reverse("organisation_feed_atom", args=(organisation.slug,))
    search = reverse("search")

    def searching(**params):
        return f"{search}?{urlencode(params)}"

    urls = [
        # Detail pages, one of each type.
        ("home", "page", "/", ""),
        ("essay page", "page", essay.url, f"{essay.citations.count()} sources cited"),
        (
            "organisation page",
            "page",
            organisation.url,
            f"{organisation.short_name}, the most written about: {organisation.n} essays",
        ),
        ("source page", "page", source.url, f"the most cited source: cited in {source.n} essays"),
        (
            "contributor page",
            "page",
            contributor.get_absolute_url(),
            f"the most prolific contributor: {contributor.n} essays",
        ),
        # Indexes, with each filter.
        ("essay index", "page", index.url, ""),
        (
            "essays by organisation",
            "page",
            f"{index.url}?organisation={organisation.slug}",
            f"{organisation.short_name}: {organisation.n} essays",
        ),
        ("essays by topic", "page", f"{index.url}?topic={topic.slug}", f"topic {topic.name!r}"),
        (
            "essays by contributor",
            "page",
            f"{index.url}?contributor={contributor.slug}",
            f"{contributor.name}: {contributor.n} essays",
        ),
        ("essays by year", "page", f"{index.url}?year={year}", "the year with the most essays"),
        (
            "essays by organisation+topic",
            "page",
            f"{index.url}?organisation={organisation.slug}&topic={topic.slug}",
            "",
        ),
        ("essay index, page 3", "page", f"{index.url}?page=3", ""),
        (
            "essay index, last page",
            "page",
            f"{index.url}?page={last_page}",
            f"page {last_page}, {index.per_page} per page",
        ),
        ("source index", "page", source_index.url, ""),
        ("sources by type", "page", f"{source_index.url}?type={source_type}", ""),
        (
            "sources by organisation",
            "page",
            f"{source_index.url}?organisation={organisation.slug}",
            "",
        ),
        ("source index, page 3", "page", f"{source_index.url}?page=3", ""),
        ("organisation index", "page", organisation_index.url, ""),
        ("contributor index", "page", reverse("contributors"), ""),
        # Feeds.
        ("RSS feed", "page", reverse("feed_rss"), ""),
        ("Atom feed", "page", reverse("feed_atom"), ""),
        ("organisation RSS feed", "page", feed, ""),
        ("organisation Atom feed", "page", atom, ""),
        # Sitemaps and robots.txt.
        ("sitemap", "page", reverse("sitemap"), ""),
        *(
            (
                f"sitemap section: {name}",
                "page",
                reverse("sitemap_section", args=(name,)),
                f"first page of {sitemap.paginator.num_pages} ({sitemap.paginator.count} URLs, "
                f"{sitemap.paginator.per_page} a page)",
            )
            for name, sitemap in sitemaps.items()
        ),
        (
            "sitemap section, last page",
            "page",
            f"{reverse('sitemap_section', args=(largest,))}?p={section.num_pages}",
            f"page {section.num_pages} of the largest section ({largest})",
        ),
        ("robots.txt", "page", reverse("robots"), ""),
        # Searches.
        ("search: common word", "search", searching(query=COMMON_WORD), ""),
        ("search: organisation", "search", searching(query=organisation.short_name), ""),
        ("search: rare word", "search", searching(query=RARE_WORD), ""),
        ("search: quoted phrase", "search", searching(query=f'"{phrase}"'), ""),
        ("search: type essay", "search", searching(query=COMMON_WORD, type="essay"), ""),
        ("search: type source", "search", searching(query=COMMON_WORD, type="source"), ""),
        (
            "search: organisation filter",
            "search",
            searching(query=COMMON_WORD, organisation=organisation.slug),
            "",
        ),
        ("search: topic filter", "search", searching(query=COMMON_WORD, topic=topic.slug), ""),
        (
            "search: contributor filter",
            "search",
            searching(query=COMMON_WORD, contributor=contributor.slug),
            "",
        ),
        ("search: year filter", "search", searching(query=COMMON_WORD, year=year), ""),
        ("search: filter, no words", "search", searching(organisation=organisation.slug), ""),
        # The API.
        (
            "API: essays",
            "api",
            "/api/v2/pages/?type=articles.EssayPage&limit=20&fields=standfirst",
            "",
        ),
        ("API: essay", "api", f"/api/v2/pages/{essay.pk}/", ""),
        ("API: sources", "api", "/api/v2/pages/?type=articles.SourcePage&limit=20", ""),
        ("API: search", "api", f"/api/v2/pages/?search={RARE_WORD}", ""),
        ("API: documents", "api", "/api/v2/documents/", ""),
        ("static file", "static", "/static/css/site.css", "served by WhiteNoise, same server"),
    ]
    return {
        "urls": [{"name": n, "kind": k, "url": u, "note": note} for n, k, u, note in urls],
        "page_cache_setting": hasattr(settings, "PAGE_CACHE_ENABLED"),
        "counts": {
            "essays": essays.count(),
            "sources": SourcePage.objects.readable().count(),
            "organisations": OrganisationPage.objects.readable().count(),
            "contributors": Contributor.objects.count(),
        },
    }


def admin_urls():
    """(name, url) of the admin views an editor works in, on the built site."""
    from django.urls import reverse

    from articles.models import EssayIndexPage, EssayPage, OrganisationPage, SourcePage

    essay = EssayPage.objects.order_by("-pk").first()
    source = SourcePage.objects.order_by("-pk").first()
    organisation = OrganisationPage.objects.order_by("pk").first()
    essays = reverse("articles_essaypage_modeladmin_index")
    return [
        ("review desk: essays", essays),
        ("review desk: essays, live", f"{essays}?state=live"),
        ("review desk: essays, organisation", f"{essays}?organisation={organisation.slug}"),
        ("review desk: sources", reverse("articles_sourcepage_modeladmin_index")),
        ("edit an essay", reverse("wagtailadmin_pages:edit", args=(essay.pk,))),
        ("edit a source", reverse("wagtailadmin_pages:edit", args=(source.pk,))),
        (
            "explorer: essays",
            reverse("wagtailadmin_explore", args=(EssayIndexPage.objects.first().pk,)),
        ),
        ("dashboard", reverse("wagtailadmin_home")),
    ]


def administrator():
    """A superuser with a confirmed TOTP device, created once per built site (a throwaway
    database): the admin is timed as an administrator who has passed two-factor."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin",
        defaults={"is_superuser": True, "is_staff": True, "email": "bench-admin@localhost"},
    )
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    return user, device


def time_admin(repeat):
    """Each admin view: the median ms of ``repeat`` requests after one warm-up, and the
    queries of the last, as a signed-in administrator (Django's test client)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp import DEVICE_ID_SESSION_KEY

    user, device = administrator()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id  # as django_otp.login() does
    session.save()
    results = []
    for name, url in admin_urls():
        response = client.get(url)  # warm-up
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
        results.append(
            {
                "name": name,
                "url": url,
                "status": response.status_code,
                "median_ms": round(statistics.median(times), 1),
                "queries": len(queries),
                "bytes": len(response.content),
            }
        )
    return {"repeat": repeat, "results": results}


def count(urls):
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for url in urls:
        client.get(url)  # warm-up (fills the page cache when it is on)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        results[url] = {
            "status": response.status_code,
            "queries": len(queries),
            "body_bytes": len(body),
            "page_cache": response.get("X-Page-Cache", ""),
        }
        if url == "/sitemap.xml":
            results[url]["sitemap_pages"] = body.count(b"<sitemap>")
        elif url.startswith("/sitemap-"):
            results[url]["sitemap_urls"] = body.count(b"<url>")
        if response.status_code != 200:
            results[url]["body_start"] = body[:300].decode(errors="replace")
    return {"page_cache": getattr(settings, "PAGE_CACHE_ENABLED", None), "results": results}


def main(argv):
    if not argv or argv[0] not in {"urls", "count", "admin"}:
        sys.exit("usage: inproc.py urls | count URL... | admin [REPEAT]")
    setup()
    if argv[0] == "urls":
        result = choose_urls()
    elif argv[0] == "count":
        result = count(argv[1:])
    else:
        result = time_admin(int(argv[1]) if len(argv) > 1 else 5)
    print("INPROC_JSON " + json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
