"""The Django side of the benchmark, run by bench/run.py with the server's environment.

    python bench/inproc.py urls            # the URLs to measure, chosen from the built site
    python bench/inproc.py count URL...    # SQL queries and body bytes of each URL

``count`` requests each URL twice with Django's test client, in this process, against
the same database and cache as the server: once to warm up (and, with the page cache on,
to fill it), then once counted with CaptureQueriesContext. Prints one line of JSON after
the marker ``INPROC_JSON``.
"""

import json
import math
import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collective.settings.production")


def setup():
    from collective.startup import check_settings

    check_settings()
    import django

    django.setup()


def choose_urls():
    """(name, url, note) for every URL the benchmark measures."""
    from django.conf import settings
    from django.db.models import Count, Q
    from django.urls import reverse
    from taggit.models import Tag

    from articles.management.commands.build_bench_site import COMMON_WORD, RARE_WORD
    from articles.models import EssayIndexPage, EssayPage, OrganisationPage, SourcePage
    from articles.sitemaps import SITEMAPS

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
    source = (
        SourcePage.objects.readable()
        .annotate(n=Count("citations", filter=Q(citations__page__live=True)))
        .order_by("-n", "pk")
        .first()
    )
    # A typical essay: as many citations as the median (5 to 20: 12), the newest such.
    essay = (
        essays.annotate(n=Count("citations"))
        .filter(n=12)
        .order_by("-publication_date", "-pk")
        .first()
    ) or essays.order_by("-publication_date", "-pk").first()
    index = EssayIndexPage.objects.readable().first()
    last_page = max(1, math.ceil(essays.count() / index.per_page))
    deep = min(200, last_page)
    sitemaps = {name: sitemap() for name, sitemap in SITEMAPS.items()}
    largest = max(sitemaps, key=lambda name: sitemaps[name].paginator.count)
    section = sitemaps[largest].paginator
    urls = [
        ("home", "/", ""),
        ("essay index", index.url, ""),
        (
            "essays by organisation+topic",
            f"{index.url}?organisation={organisation.slug}&topic={topic.slug}",
            f"{organisation.short_name}: {organisation.n} essays; topic {topic.name!r}",
        ),
        (
            "essay index, deep page",
            f"{index.url}?page={deep}",
            f"page {deep} of {last_page}, {index.per_page} per page",
        ),
        (
            "organisation page",
            organisation.url,
            f"{organisation.short_name}, the most written about: {organisation.n} essays",
        ),
        ("essay page", essay.url, f"{essay.citations.count()} sources cited"),
        ("source page", source.url, f"the most cited source: cited in {source.n} essays"),
        ("search: common word", f"/search/?query={COMMON_WORD}", ""),
        (
            "search: organisation",
            f"/search/?query={organisation.short_name}",
            "",
        ),
        ("search: rare word", f"/search/?query={RARE_WORD}", ""),
        ("RSS feed", "/feeds/essays/rss/", ""),
        ("sitemap", "/sitemap.xml", ""),
        (
            "sitemap section",
            reverse("sitemap_section", args=(largest,)),
            f"first page of {section.num_pages} of the largest section ({largest}: "
            f"{section.count} URLs, {section.per_page} a page)",
        ),
        ("static file", "/static/css/site.css", "served by WhiteNoise in the same server"),
    ]
    return {
        "urls": [{"name": n, "url": u, "note": note} for n, u, note in urls],
        "page_cache_setting": hasattr(settings, "PAGE_CACHE_ENABLED"),
        "counts": {
            "essays": essays.count(),
            "sources": SourcePage.objects.readable().count(),
            "organisations": OrganisationPage.objects.readable().count(),
        },
    }


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
    return {"page_cache": getattr(settings, "PAGE_CACHE_ENABLED", None), "results": results}


def main(argv):
    if not argv or argv[0] not in {"urls", "count"}:
        sys.exit("usage: inproc.py urls | count URL...")
    setup()
    result = choose_urls() if argv[0] == "urls" else count(argv[1:])
    print("INPROC_JSON " + json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
