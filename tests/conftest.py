import pytest
from django.core.cache import cache

from tests.factories import HomePageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the page cache, cached fragments and
    derived values (filter choices, counts, the site) of one test never reach another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def purges_at_once(request, monkeypatch):
    """Each test runs inside one transaction that never commits, so what waits for a
    commit never runs. In production a publish commits at the end of its request and
    the cache generation moves on (collective/cache.py): here it moves on at once, so
    that a page rendered after a change shows it. Tests of the commit itself are marked
    ``real_commits``."""
    if "real_commits" not in request.keywords:
        monkeypatch.setattr("collective.cache.on_commit", lambda callback, **kwargs: callback())


@pytest.fixture
def home_page(db):
    return HomePageFactory()
