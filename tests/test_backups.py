"""Backups: `manage.py backup` and `manage.py restore` (collective/backups.py).

The round trips run on the engine of the test database: the PostgreSQL one backs up
pytest-django's test database and restores it into a scratch database made with
createdb; the SQLite one backs up a file copy of the SQLite test database. Both restore
through `manage.py restore` with DATABASE_URL and MEDIA_ROOT in its environment, as
`make restore` does. The tests of refusals and of a failed verification use small
SQLite files and run on either engine.
"""

import hashlib
import json
import os
import re
import secrets
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page, Revision, Task, Workflow, WorkflowPage, WorkflowState

from collective import backups
from tests.factories import EssayPageFactory, UserFactory
from tests.test_foundation import PRODUCTION_ENV

BASE_DIR = Path(settings.BASE_DIR)
SQLITE_ENGINE = "django.db.backends.sqlite3"

on_postgresql = pytest.mark.postgresql_only(
    "backs up and restores with pg_dump and pg_restore, PostgreSQL's own tools"
)
on_sqlite = pytest.mark.sqlite_only("backs up and restores by copying the SQLite database file")


def manage(*args, **environment):
    """Run manage.py in a child process with these environment variables, as make does."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "collective.settings.test", **environment},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def tree_hashes(root):
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def orm_counts():
    return {
        "pages": Page.objects.count(),
        "page_revisions": Revision.page_revisions.count(),
        "workflow_states": WorkflowState.objects.count(),
    }


def sqlite_counts(path):
    with sqlite3.connect(path) as database:
        return {
            "pages": database.execute("SELECT COUNT(*) FROM wagtailcore_page").fetchone()[0],
            "page_revisions": database.execute(
                "SELECT COUNT(*) FROM wagtailcore_revision r"
                " JOIN django_content_type ct ON ct.id = r.base_content_type_id"
                " WHERE ct.app_label = 'wagtailcore' AND ct.model = 'page'"
            ).fetchone()[0],
            "workflow_states": database.execute(
                "SELECT COUNT(*) FROM wagtailcore_workflowstate"
            ).fetchone()[0],
        }


def read_manifest(folder):
    return json.loads((Path(folder) / "manifest.json").read_text())


@pytest.fixture
def site_content(transactional_db, django_db_serialized_rollback):
    """Committed pages, extra revisions and a workflow in progress (other connections and
    pg_dump see only committed data). The tables are flushed afterwards and
    ``serialized_rollback`` puts back what the migrations created."""
    user = UserFactory(username="backup-editor", is_superuser=True)
    essay = EssayPageFactory(title="What the minutes say")
    for title in ("What the minutes said", "What the minutes really said"):
        essay.title = title
        essay.save_revision(user=user)
    EssayPageFactory(title="A draft", live=False)
    workflow = essay.get_workflow()
    if workflow is None:  # the data migration's "Editorial review" is on the root page
        workflow = Workflow.objects.create(name="Backup test review")
        workflow.workflow_tasks.create(task=Task.objects.create(name="Read it"), sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    workflow.start(essay, user)
    counts = orm_counts()
    assert counts["workflow_states"] >= 1
    assert counts["page_revisions"] > counts["pages"] - 1  # the extra revisions are there
    return counts


@pytest.fixture
def media(tmp_path, settings):
    """A MEDIA_ROOT with a few files, nested and with a non-ASCII name."""
    root = tmp_path / "media"
    files = {
        "original_images/photo.png": b"\x89PNG\r\n\x1a\n" + secrets.token_bytes(2048),
        "documents/minutes.txt": b"Minutes of the national committee.\n",
        "documents/2013/r\u00e9ponse.txt": "Réponse du comité.\n".encode(),
    }
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    settings.MEDIA_ROOT = str(root)
    return root, {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}


def check_backup_folder(folder, kind, counts, hashes):
    assert re.fullmatch(r"\d{8}-\d{6}", folder.name), folder
    database_file = {"postgresql": "database.dump", "sqlite": "db.sqlite3"}[kind]
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [database_file, "media.tar.gz", "manifest.json"]
    )
    manifest = read_manifest(folder)
    assert manifest["database_kind"] == kind
    assert manifest["counts"] == counts
    assert manifest["media_files"] == hashes
    assert (
        manifest["database_sha256"]
        == hashlib.sha256((folder / database_file).read_bytes()).hexdigest()
    )


# PostgreSQL -------------------------------------------------------------------------------


def postgres_url(database, name):
    credentials = quote(database["USER"] or "", safe="")
    if database.get("PASSWORD"):
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    return f"postgres://{credentials}@{host}:{port}/{name}"


@pytest.fixture
def scratch_databases():
    """Names for scratch databases, the first created with createdb; all dropped at the end."""
    database = connection.settings_dict
    environment = backups.libpq_environment(database, dbname="postgres")
    name = f"collective_restore_{secrets.token_hex(4)}"
    names = [name, f"{name}_new"]
    subprocess.run(["createdb", name], env=environment, check=True)
    yield [postgres_url(database, each) for each in names]
    for each in names:
        subprocess.run(["dropdb", "--if-exists", "--force", each], env=environment, check=True)


def postgres_counts(url):
    import psycopg2

    with psycopg2.connect(url) as restored, restored.cursor() as cursor:
        counts = {}
        for name, query in {
            "pages": "SELECT COUNT(*) FROM wagtailcore_page",
            "page_revisions": (
                "SELECT COUNT(*) FROM wagtailcore_revision r"
                " JOIN django_content_type ct ON ct.id = r.base_content_type_id"
                " WHERE ct.app_label = 'wagtailcore' AND ct.model = 'page'"
            ),
            "workflow_states": "SELECT COUNT(*) FROM wagtailcore_workflowstate",
        }.items():
            cursor.execute(query)
            counts[name] = cursor.fetchone()[0]
    restored.close()
    return counts


@on_postgresql
def test_postgresql_round_trip(site_content, media, tmp_path, scratch_databases):
    _, hashes = media  # the backup reads settings.MEDIA_ROOT
    output = StringIO()
    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=output)
    folder = BASE_DIR / output.getvalue().strip()  # an absolute path stays as it is
    check_backup_folder(folder, "postgresql", site_content, hashes)

    # Into a fresh database (made with createdb) and a fresh MEDIA_ROOT.
    url, new_url = scratch_databases
    restored_media = tmp_path / "restored-media"
    restored = manage("restore", str(folder), DATABASE_URL=url, MEDIA_ROOT=str(restored_media))
    assert restored.returncode == 0, restored.stderr
    assert "all match the manifest" in restored.stdout
    assert postgres_counts(url) == site_content
    assert tree_hashes(restored_media) == hashes

    # Again: the database now has pages, so the restore refuses without force.
    target = {**connection.settings_dict, "NAME": url.rsplit("/", 1)[1]}
    (restored_media / "documents" / "minutes.txt").write_text("changed since")
    with pytest.raises(backups.BackupError, match=rf"{site_content['pages']} pages.*--force"):
        backups.restore(folder, target, restored_media)
    assert (restored_media / "documents" / "minutes.txt").read_text() == "changed since"

    # Forced, it replaces the database's schema and the media files, in full.
    backups.restore(folder, target, restored_media, force=True)
    assert postgres_counts(url) == site_content
    assert tree_hashes(restored_media) == hashes

    # A database that does not exist yet is created.
    missing = {**connection.settings_dict, "NAME": new_url.rsplit("/", 1)[1]}
    backups.restore(folder, missing, tmp_path / "media-2")
    assert postgres_counts(new_url) == site_content


@on_postgresql
def test_restore_refuses_the_test_database_which_has_pages(site_content, media, tmp_path):
    output = StringIO()
    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=output)
    EssayPageFactory(title="Written after the backup")
    with pytest.raises(CommandError, match=r"Refusing to restore: .* pages.*--force"):
        call_command("restore", output.getvalue().strip())
    assert Page.objects.filter(title="Written after the backup").exists()


@on_postgresql
def test_the_password_reaches_postgresql_tools_only_through_pgpassword(
    django_db_setup, tmp_path, monkeypatch
):
    database = dict(connection.settings_dict)
    # With trust authentication (CI) any password is accepted; otherwise use the real one.
    secret = database.get("PASSWORD") or f"not-shown-{secrets.token_hex(4)}"
    database["PASSWORD"] = secret
    calls = []
    run, popen = subprocess.run, subprocess.Popen

    def recording_run(argv, *args, **kwargs):
        calls.append((argv, kwargs.get("env") or {}))
        return run(argv, *args, **kwargs)

    def recording_popen(argv, *args, **kwargs):
        calls.append((argv, kwargs.get("env") or {}))
        return popen(argv, *args, **kwargs)

    monkeypatch.setattr(backups.subprocess, "run", recording_run)
    monkeypatch.setattr(backups.subprocess, "Popen", recording_popen)
    folder = backups.backup(database, tmp_path / "no-media", tmp_path / "backups")
    assert calls and all(secret not in " ".join(map(str, argv)) for argv, _ in calls)
    assert all(env.get("PGPASSWORD") == secret for _, env in calls)
    assert secret not in (folder / "manifest.json").read_text()

    missing = {**database, "NAME": f"collective_missing_{secrets.token_hex(4)}"}
    with pytest.raises(backups.BackupError) as error:
        backups.backup(missing, tmp_path / "no-media", tmp_path / "backups-2")
    assert missing["NAME"] in str(error.value) and secret not in str(error.value)


# SQLite -----------------------------------------------------------------------------------


@on_sqlite
def test_sqlite_round_trip(site_content, media, tmp_path):
    media_root, hashes = media
    # A database file with the test data, written through Django's own connection.
    source = tmp_path / "source.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(source)
    connection.connection.backup(copy)
    copy.close()

    database = {"ENGINE": SQLITE_ENGINE, "NAME": str(source)}
    folder = backups.backup(database, media_root, tmp_path / "backups")
    check_backup_folder(folder, "sqlite", site_content, hashes)

    target = tmp_path / "restored" / "db.sqlite3"
    restored_media = tmp_path / "restored-media"
    restored = manage(
        "restore", str(folder), DATABASE_URL=f"sqlite:///{target}", MEDIA_ROOT=str(restored_media)
    )
    assert restored.returncode == 0, restored.stderr
    assert sqlite_counts(target) == site_content
    assert tree_hashes(restored_media) == hashes

    target_database = {"ENGINE": SQLITE_ENGINE, "NAME": str(target)}
    with pytest.raises(backups.BackupError, match=rf"{site_content['pages']} pages.*--force"):
        backups.restore(folder, target_database, restored_media)


# Refusals and verification (small SQLite files, either engine) ----------------------------


def small_site(path, pages=3, revisions=4, states=1):
    """A SQLite file with the tables the manifest counts, and some rows in them."""
    with sqlite3.connect(path) as database:
        database.executescript(
            "CREATE TABLE django_content_type (id INTEGER PRIMARY KEY, app_label, model);"
            "CREATE TABLE wagtailcore_page (id INTEGER PRIMARY KEY, title);"
            "CREATE TABLE wagtailcore_revision (id INTEGER PRIMARY KEY, base_content_type_id);"
            "CREATE TABLE wagtailcore_workflowstate (id INTEGER PRIMARY KEY);"
            "INSERT INTO django_content_type VALUES (1, 'wagtailcore', 'page'), (2, 'app', 'x');"
        )
        database.executemany(
            "INSERT INTO wagtailcore_page (title) VALUES (?)", [(f"p{n}",) for n in range(pages)]
        )
        database.executemany(
            "INSERT INTO wagtailcore_revision (base_content_type_id) VALUES (?)",
            [(1,)] * revisions + [(2,)],  # and one snippet revision, not counted
        )
        database.executemany("INSERT INTO wagtailcore_workflowstate DEFAULT VALUES", [()] * states)
    database.close()
    return {"ENGINE": SQLITE_ENGINE, "NAME": str(path)}


@pytest.fixture
def small_backup(tmp_path):
    source = small_site(tmp_path / "source.sqlite3")
    media_root = tmp_path / "media"
    (media_root / "documents").mkdir(parents=True)
    (media_root / "documents" / "a.txt").write_text("a")
    return backups.backup(source, media_root, tmp_path / "backups")


def test_backup_counts_pages_revisions_and_workflow_states(small_backup):
    manifest = read_manifest(small_backup)
    assert manifest["counts"] == {"pages": 3, "page_revisions": 4, "workflow_states": 1}
    assert manifest["media_files"] == {"documents/a.txt": hashlib.sha256(b"a").hexdigest()}
    assert oct(small_backup.stat().st_mode & 0o777) == "0o700"
    assert {oct(path.stat().st_mode & 0o777) for path in small_backup.iterdir()} == {"0o600"}


def test_restore_refuses_a_non_empty_target_without_force(small_backup, tmp_path):
    target = small_site(tmp_path / "live.sqlite3", pages=7, revisions=0, states=0)
    before = hashlib.sha256(Path(target["NAME"]).read_bytes()).hexdigest()
    media_root = tmp_path / "live-media"

    with pytest.raises(backups.BackupError, match=r"not empty \(4 tables, 7 pages\).*--force"):
        backups.restore(small_backup, target, media_root)
    assert hashlib.sha256(Path(target["NAME"]).read_bytes()).hexdigest() == before
    assert not media_root.exists()

    result = backups.restore(small_backup, target, media_root, force=True)
    assert result.counts == {"pages": 3, "page_revisions": 4, "workflow_states": 1}
    assert tree_hashes(media_root) == read_manifest(small_backup)["media_files"]


def test_a_restore_purges_the_page_cache(small_backup, tmp_path):
    """Pages, cards and counts cached from the content before the restore are not served
    after it (production settings: a file cache the processes share)."""
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "CACHE_DIR": str(tmp_path / "cache"),
        "REDIS_URL": "",
    }
    read = "from core.cache import read_generation; print(read_generation())"
    before = manage("shell", "-c", read, **env)
    assert before.returncode == 0, before.stderr
    restored = manage("restore", str(small_backup), **env)
    assert restored.returncode == 0, restored.stderr
    assert "The page cache was purged." in restored.stdout
    after = manage("shell", "-c", read, **env)
    assert int(after.stdout.split()[-1]) == int(before.stdout.split()[-1]) + 1


def test_restore_refuses_a_media_root_with_files_without_force(small_backup, tmp_path):
    media_root = tmp_path / "live-media"
    media_root.mkdir()
    (media_root / "uploaded-since.txt").write_text("new")
    target = {"ENGINE": SQLITE_ENGINE, "NAME": str(tmp_path / "empty.sqlite3")}

    with pytest.raises(backups.BackupError, match=r"holds 1 files.*--force"):
        backups.restore(small_backup, target, media_root)
    assert (media_root / "uploaded-since.txt").exists()
    assert not Path(target["NAME"]).exists()

    backups.restore(small_backup, target, media_root, force=True)
    assert tree_hashes(media_root) == read_manifest(small_backup)["media_files"]


def test_restore_exits_non_zero_when_the_restored_counts_differ(small_backup, tmp_path):
    manifest = read_manifest(small_backup)
    manifest["counts"]["pages"] = 4
    (small_backup / "manifest.json").write_text(json.dumps(manifest))
    target = tmp_path / "restored.sqlite3"

    result = manage(
        "restore",
        str(small_backup),
        DATABASE_URL=f"sqlite:///{target}",
        MEDIA_ROOT=str(tmp_path / "restored-media"),
    )
    assert result.returncode == 1
    assert "does not match its manifest" in result.stderr
    assert "pages: 3 restored, 4 in the backup" in result.stderr


def test_restore_checks_the_media_archive_before_touching_anything(small_backup, tmp_path):
    manifest = read_manifest(small_backup)
    manifest["media_files"]["documents/a.txt"] = "0" * 64
    (small_backup / "manifest.json").write_text(json.dumps(manifest))
    target = {"ENGINE": SQLITE_ENGINE, "NAME": str(tmp_path / "restored.sqlite3")}

    with pytest.raises(
        backups.BackupError, match=re.escape("differs from the manifest: documents/a.txt")
    ):
        backups.restore(small_backup, target, tmp_path / "restored-media")
    assert not Path(target["NAME"]).exists()
    assert not (tmp_path / "restored-media").exists()
    assert not list(tmp_path.glob(".restored-media-restore-*"))  # no staging folder left


def test_restore_refuses_a_damaged_database_file(small_backup, tmp_path):
    with open(small_backup / "db.sqlite3", "ab") as database_file:
        database_file.write(b"\0")
    target = {"ENGINE": SQLITE_ENGINE, "NAME": str(tmp_path / "restored.sqlite3")}
    with pytest.raises(backups.BackupError, match="does not match the SHA-256"):
        backups.restore(small_backup, target, tmp_path / "restored-media")


def test_restore_refuses_a_backup_of_the_other_engine(small_backup, tmp_path):
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "collective"}
    with pytest.raises(backups.BackupError, match="backup of a sqlite database"):
        backups.restore(small_backup, postgres, tmp_path / "media")


def test_libpq_environment_carries_the_connection_and_describe_hides_the_password():
    database = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "collective",
        "USER": "collective",
        "PASSWORD": "p@ss word",
        "HOST": "db.internal",
        "PORT": 5433,
        "OPTIONS": {"sslmode": "require", "pool": True},
    }
    env = backups.libpq_environment(database)
    assert env["PGPASSWORD"] == "p@ss word"
    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"], env["PGDATABASE"]) == (
        "db.internal",
        "5433",
        "collective",
        "collective",
    )
    assert env["PGSSLMODE"] == "require"
    assert "p@ss" not in backups.describe(database)
