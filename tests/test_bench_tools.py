"""The benchmark's and the soak test's tooling: apart from the product, and the pieces of
it that decide what a run reports."""

import json

from django.conf import settings
from wagtail.models import Page

from bench.management.commands.build_bench_site import step_number, tree_step
from bench.soak import identity


def test_the_product_settings_do_not_install_the_bench_app():
    assert "bench" not in settings.INSTALLED_APPS
    assert not any(app.startswith("bench.") for app in settings.INSTALLED_APPS)


def test_the_builders_tree_steps_are_the_page_trees():
    assert tree_step(1) == "0001"
    assert tree_step(len(Page.alphabet)) == "0010"
    assert len(tree_step(12_345)) == Page.steplen
    for number in (1, 35, 36, 1_000, 12_345):
        assert step_number("0001" + tree_step(number)) == number


def page(title, canonical, *links):
    anchors = "".join(f'<a href="{link}">x</a>' for link in links)
    return (
        f'<html><head><title>{title}</title><link rel="canonical" href="{canonical}">'
        f"</head><body>{anchors}</body></html>"
    )


def test_the_soak_tells_pages_apart_by_title_canonical_url_and_links():
    essays = page("Essays", "http://x/essays/", "/essays/a/", "/essays/b/")
    filtered = page("Essays", "http://x/essays/", "/essays/b/")
    assert identity(essays) != identity(filtered)
    # The order of the links does not matter (a listing reordered is still the listing).
    assert identity(essays) == identity(
        page("Essays", "http://x/essays/", "/essays/b/", "/essays/a/")
    )
    api = json.dumps({"id": 7, "title": "An essay", "meta": {}})
    assert identity(api) == "api:7:An essay"


def test_the_link_check_bench_checks_every_address_one_thread_per_host(settings):
    from bench.linkcheck import measure, plan, table

    settings.LINK_CHECK_ALLOW_PRIVATE_ADDRESSES = True
    for hosts in (["http://a", "http://b"], ["http://a", "http://b", "http://c"]):
        by_host = plan(10, hosts)
        host_of = {url.rsplit("/", 1)[1]: host for host, urls in by_host.items() for url in urls}
        assert len(host_of) == 20
        # Each source's archived copy (odd numbers) is on another host than its original.
        assert all(host_of[str(2 * n)] != host_of[str(2 * n + 1)] for n in range(10))
    result = measure(sources=20, hosts=2, delay=0, body_bytes=2_000)
    assert result["addresses"] == 40
    assert result["verdicts"] == {"ok": 30, "moved": 4, "gone": 4, "unreachable": 2}
    assert result["sources_per_minute"] > 0
    assert "| sources per minute |" in table(result)
