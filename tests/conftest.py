import pytest
from django.core.cache import cache
from django.db import connection

from tests.factories import HomePageFactory

# The suite runs on SQLite (make test, as a newcomer runs it) and on PostgreSQL (CI runs
# both). A test that can only run on one says so with its reason:
#   @pytest.mark.postgresql_only("pg_dump takes the backup")
ONE_DATABASE = {"postgresql_only": "postgresql", "sqlite_only": "sqlite"}


def pytest_collection_modifyitems(config, items):
    config.one_database = []
    for item in items:
        for name, vendor in ONE_DATABASE.items():
            marker = item.get_closest_marker(name)
            if marker is None:
                continue
            reason = marker.args[0] if marker.args else marker.kwargs.get("reason")
            if not reason:
                raise pytest.UsageError(f"{item.nodeid}: @{name} needs the reason, in words")
            config.one_database.append((item.nodeid, vendor, reason))
            if connection.vendor != vendor:
                item.add_marker(pytest.mark.skip(reason=f"{vendor} only: {reason}"))


def pytest_terminal_summary(terminalreporter, config):
    tests = getattr(config, "one_database", [])
    if not tests:
        return
    here = sum(1 for _nodeid, vendor, _reason in tests if vendor == connection.vendor)
    terminalreporter.section("tests for one database only")
    terminalreporter.write_line(
        f"{len(tests)} test(s) run on one database only; {here} of them on this one "
        f"({connection.vendor}), the others skipped here:"
    )
    for nodeid, vendor, reason in tests:
        terminalreporter.write_line(f"  {vendor:10} {nodeid}: {reason}")


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
    the cache generation moves on (core/cache.py): here it moves on at once, so
    that a page rendered after a change shows it. Tests of the commit itself are marked
    ``real_commits``."""
    if "real_commits" not in request.keywords:
        monkeypatch.setattr("core.cache.on_commit", lambda callback, **kwargs: callback())


@pytest.fixture
def home_page(db):
    return HomePageFactory()
