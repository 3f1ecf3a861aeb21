"""Consistent backups of the database and the media files, and their restore.

A backup is a folder ``<destination>/YYYYMMDD-HHMMSS/`` (UTC) holding:

- ``database.dump``: PostgreSQL, ``pg_dump --format=custom`` of one snapshot, or
  ``db.sqlite3``: SQLite, a copy made with SQLite's online backup API;
- ``media.tar.gz``: every file under MEDIA_ROOT;
- ``manifest.json``: the database kind, the SHA-256 of the database file, the counts of
  pages, page revisions and workflow states in the snapshot, and the SHA-256 of every
  media file (path relative to MEDIA_ROOT -> hash).

The counts are taken in the very snapshot that is dumped (PostgreSQL: an exported
snapshot shared with pg_dump; SQLite: from the copy), so a restore can be checked
against them exactly. The folder is written under a hidden temporary name and renamed
when complete: a folder with the timestamp name is always a whole backup.

Database settings are Django's (``ENGINE``, ``NAME``, ``USER``, ``PASSWORD``, ``HOST``,
``PORT``, ``OPTIONS``). The PostgreSQL client programs get the connection from libpq's
environment variables (the password in ``PGPASSWORD``), never from their command line,
and no message here shows the password.
"""

import contextlib
import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

POSTGRESQL = "postgresql"
SQLITE = "sqlite"
ENGINES = {
    "django.db.backends.postgresql": POSTGRESQL,
    "django.db.backends.sqlite3": SQLITE,
}
DATABASE_FILES = {POSTGRESQL: "database.dump", SQLITE: "db.sqlite3"}
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1

# Counted at backup time and checked after a restore. Plain SQL, the same on both engines.
COUNT_QUERIES = {
    "pages": "SELECT COUNT(*) FROM wagtailcore_page",
    "page_revisions": (
        "SELECT COUNT(*) FROM wagtailcore_revision r"
        " JOIN django_content_type ct ON ct.id = r.base_content_type_id"
        " WHERE ct.app_label = 'wagtailcore' AND ct.model = 'page'"
    ),
    "workflow_states": "SELECT COUNT(*) FROM wagtailcore_workflowstate",
}

# Connection options in DATABASE_URL's query string that libpq understands.
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "options": "PGOPTIONS",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}

CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done, or a restore that does not verify."""


@dataclass(frozen=True)
class RestoreResult:
    kind: str
    counts: dict
    media_files: int


# Shared helpers ---------------------------------------------------------------------------


def database_kind(database):
    engine = database.get("ENGINE", "")
    try:
        return ENGINES[engine]
    except KeyError:
        raise BackupError(
            f"Backups support PostgreSQL and SQLite databases, not {engine or 'this engine'}."
        ) from None


def describe(database):
    """The database named for messages: never with its password."""
    if database_kind(database) == SQLITE:
        return f"SQLite database {database['NAME']}"
    where = database.get("HOST") or "local socket"
    if database.get("PORT"):
        where = f"{where}:{database['PORT']}"
    return f"PostgreSQL database {database['NAME']!r} on {where}"


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_hashes(media_root):
    """{path relative to media_root (POSIX): SHA-256} of every regular file under it."""
    media_root = Path(media_root)
    hashes = {}
    for path in _media_files(media_root):
        hashes[path.relative_to(media_root).as_posix()] = sha256_file(path)
    return hashes


def _media_files(media_root):
    if not media_root.is_dir():
        return []
    files = []
    for folder, dirnames, filenames in os.walk(media_root):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                files.append(path)
    return files


def _count(cursor):
    counts = {}
    for name, query in COUNT_QUERIES.items():
        cursor.execute(query)
        counts[name] = cursor.fetchone()[0]
    return counts


def _ensure_sqlite_path(database):
    name = str(database.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        raise BackupError(f"The SQLite database must be a file, not {name or 'unnamed'}.")
    return Path(name)


def _sqlite_uri(path, mode):
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


# PostgreSQL -------------------------------------------------------------------------------


def libpq_environment(database, dbname=None):
    """The environment for pg_dump, pg_restore, psql and createdb: libpq's PG* variables
    (the password in PGPASSWORD), so nothing secret is on a command line."""
    env = os.environ.copy()
    values = {
        "PGDATABASE": dbname or database.get("NAME"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
    }
    for option, variable in LIBPQ_OPTIONS.items():
        values[variable] = (database.get("OPTIONS") or {}).get(option)
    for variable, value in values.items():
        if value not in (None, ""):
            env[variable] = str(value)
    return env


def _pg_connect(database, dbname=None):
    import psycopg2

    options = database.get("OPTIONS") or {}
    params = {
        "dbname": dbname or database.get("NAME"),
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "host": database.get("HOST") or None,
        "port": database.get("PORT") or None,
        **{key: value for key, value in options.items() if key in LIBPQ_OPTIONS},
    }
    try:
        return psycopg2.connect(**{key: value for key, value in params.items() if value})
    except psycopg2.OperationalError as error:
        raise BackupError(
            f"Cannot connect to {describe(database)}: {_redact(str(error).strip(), database)}"
        ) from None


def _redact(text, database):
    password = database.get("PASSWORD")
    return text.replace(str(password), "***") if password else text


def _run(argv, database, *, dbname=None, what, **kwargs):
    """Run a PostgreSQL client program; a failure raises BackupError with its own message."""
    try:
        result = subprocess.run(
            argv,
            env=libpq_environment(database, dbname),
            capture_output=True,
            text=True,
            check=False,
            **kwargs,
        )
    except FileNotFoundError:
        raise BackupError(f"{argv[0]} is not installed (Debian: postgresql-client).") from None
    if result.returncode != 0:
        message = _redact(result.stderr.strip(), database)
        raise BackupError(f"{what} failed ({argv[0]} exited {result.returncode}):\n{message}")
    return result


def _pg_backup(database, path):
    """pg_dump of one snapshot, and the counts in that same snapshot."""
    connection = _pg_connect(database)
    try:
        connection.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _count(cursor)
            # The snapshot stays valid while this transaction is open.
            _run(
                ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}"],
                database,
                what=f"Dumping {describe(database)}",
            )
        connection.rollback()
    finally:
        connection.close()
    return counts


def _pg_database_exists(database):
    """Whether the database exists (asked of the 'postgres' database; if that cannot be
    reached, assume it exists and let the connection to it say what is wrong)."""
    import psycopg2

    try:
        connection = _pg_connect(database, dbname="postgres")
    except BackupError:
        return True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]])
            return cursor.fetchone() is not None
    except psycopg2.Error:
        return True
    finally:
        connection.close()


def _pg_contents(database):
    """(tables, pages) in the database: its own tables outside PostgreSQL's schemas."""
    connection = _pg_connect(database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
                " AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
                " AND n.nspname NOT LIKE 'pg_temp_%%' AND n.nspname NOT LIKE 'pg_toast_temp_%%'"
            )
            tables = cursor.fetchone()[0]
            cursor.execute("SELECT to_regclass('public.wagtailcore_page') IS NOT NULL")
            pages = 0
            if cursor.fetchone()[0]:
                cursor.execute(COUNT_QUERIES["pages"])
                pages = cursor.fetchone()[0]
        connection.rollback()
        return tables, pages
    finally:
        connection.close()


def _pg_restore(database, dump, replace):
    """Restore the dump in one transaction, committed only once pg_restore has written the
    whole of it: a failure at any point leaves the database as it was. With ``replace``,
    the public schema is dropped and recreated first, in the same transaction."""
    statements = ["BEGIN"]
    if replace:
        statements += ["DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public"]
    env = libpq_environment(database)
    # Their messages go to files, so that no pipe but the SQL stream can fill up and block.
    with tempfile.TemporaryFile() as restore_errors, tempfile.TemporaryFile() as psql_errors:
        try:
            psql = subprocess.Popen(
                ["psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1"]
                + [f"--command={statement}" for statement in statements]
                + ["--file=-"],
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=psql_errors,
            )
            script = subprocess.Popen(
                ["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(dump)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=restore_errors,
            )
        except FileNotFoundError as error:
            raise BackupError(
                f"{error.filename} is not installed (Debian: postgresql-client)."
            ) from None
        try:
            shutil.copyfileobj(script.stdout, psql.stdin, CHUNK)
        except BrokenPipeError:  # psql stopped at an error: its transaction is rolled back
            script.kill()
        script.wait()
        script.stdout.close()
        with contextlib.suppress(BrokenPipeError):
            if script.returncode == 0:
                psql.stdin.write(b"\nCOMMIT;\n")
            psql.stdin.close()
        psql.wait()
        restore_message = _read_back(restore_errors)
        psql_message = _read_back(psql_errors)
    if psql.returncode != 0:
        raise BackupError(
            f"Restoring into {describe(database)} failed (psql exited {psql.returncode}); "
            f"its transaction was rolled back:\n{_redact(psql_message, database)}"
        )
    if script.returncode != 0:
        raise BackupError(
            f"Reading {dump} failed (pg_restore exited {script.returncode}); "
            f"{describe(database)} is unchanged:\n{_redact(restore_message, database)}"
        )


def _read_back(file):
    file.seek(0)
    return file.read().decode(errors="replace").strip()


def _pg_counts(database):
    connection = _pg_connect(database)
    try:
        with connection.cursor() as cursor:
            counts = _count(cursor)
        connection.rollback()
        return counts
    finally:
        connection.close()


# SQLite -----------------------------------------------------------------------------------


def _sqlite_backup(database, path):
    """A copy of the live database through SQLite's online backup API, and its counts."""
    source_path = _ensure_sqlite_path(database)
    if not source_path.is_file():
        raise BackupError(f"{describe(database)} does not exist.")
    source = sqlite3.connect(_sqlite_uri(source_path, "ro"), uri=True)
    copy = sqlite3.connect(path)
    try:
        source.backup(copy)
        # A self-contained single file, whatever the live database's journal mode.
        copy.execute("PRAGMA journal_mode=DELETE")
        counts = _count(copy.cursor())
    except sqlite3.Error as error:
        raise BackupError(f"Copying {describe(database)} failed: {error}") from None
    finally:
        copy.close()
        source.close()
    return counts


def _sqlite_contents(database):
    path = _ensure_sqlite_path(database)
    if not path.is_file() or path.stat().st_size == 0:
        return 0, 0
    connection = sqlite3.connect(_sqlite_uri(path, "ro"), uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                " AND name NOT LIKE 'sqlite_%'"
            )
        ]
        pages = 0
        if "wagtailcore_page" in tables:
            pages = connection.execute(COUNT_QUERIES["pages"]).fetchone()[0]
        return len(tables), pages
    finally:
        connection.close()


def _sqlite_restore(database, copy_path):
    """Write the copy into the database file through the backup API: the file's content is
    replaced in one transaction, and its journal files stay consistent with it."""
    target_path = _ensure_sqlite_path(database)
    target_path.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(_sqlite_uri(copy_path, "ro"), uri=True)
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"Restoring into {describe(database)} failed: {error}") from None
    finally:
        target.close()
        source.close()


def _sqlite_counts(database):
    connection = sqlite3.connect(_sqlite_uri(_ensure_sqlite_path(database), "ro"), uri=True)
    try:
        return _count(connection.cursor())
    finally:
        connection.close()


# Media ------------------------------------------------------------------------------------


class _HashingReader:
    """Reads a file for tarfile while hashing exactly the bytes it archives."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        return data


def _archive_media(media_root, archive):
    media_root = Path(media_root)
    hashes = {}
    with tarfile.open(archive, "w:gz") as tar:
        for path in _media_files(media_root):
            name = path.relative_to(media_root).as_posix()
            with open(path, "rb") as file:
                info = tar.gettarinfo(fileobj=file, arcname=name)
                reader = _HashingReader(file)
                try:
                    tar.addfile(info, reader)
                except OSError as error:  # the file shrank while it was archived
                    raise BackupError(f"Archiving media file {name} failed: {error}") from None
            hashes[name] = reader.digest.hexdigest()
    return hashes


def _compare_media(expected, actual):
    problems = []
    for name in sorted(expected.keys() - actual.keys()):
        problems.append(f"media file missing: {name}")
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] != actual[name]:
            problems.append(f"media file differs from the manifest: {name}")
    for name in sorted(actual.keys() - expected.keys()):
        problems.append(f"media file not in the backup: {name}")
    return problems


def _stage_media(archive, media_root, expected):
    """Extract the archive next to MEDIA_ROOT and check it against the manifest."""
    parent = media_root.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{media_root.name}-restore-", dir=parent))
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(staging, filter="data")
        problems = _compare_media(expected, media_hashes(staging))
    except (OSError, tarfile.TarError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(f"Reading {archive} failed: {error}") from None
    if problems:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(
            f"{archive} does not match the manifest; nothing was restored:\n  "
            + "\n  ".join(problems)
        )
    return staging


def _replace_media(staging, media_root):
    """Make MEDIA_ROOT hold exactly the staged files (the folder itself is kept, in case
    it is a mount point)."""
    media_root.mkdir(parents=True, exist_ok=True)
    for entry in list(media_root.iterdir()):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in list(staging.iterdir()):
        shutil.move(entry, media_root / entry.name)
    staging.rmdir()


# Backup and restore -----------------------------------------------------------------------


def backup(database, media_root, destination, now=None):
    """Write a backup folder under ``destination`` and return its path."""
    kind = database_kind(database)
    now = now or datetime.datetime.now(datetime.UTC)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    destination = Path(destination)
    final = destination / stamp
    if final.exists():
        raise BackupError(f"{final} already exists.")
    destination.mkdir(parents=True, exist_ok=True)
    # Private (0700) while written, and renamed only once it is complete.
    partial = Path(tempfile.mkdtemp(prefix=f".{stamp}-", suffix=".partial", dir=destination))
    try:
        database_file = partial / DATABASE_FILES[kind]
        if kind == POSTGRESQL:
            counts = _pg_backup(database, database_file)
        else:
            counts = _sqlite_backup(database, database_file)
        media = _archive_media(media_root, partial / MEDIA_ARCHIVE)
        manifest = {
            "format": MANIFEST_FORMAT,
            "created_at": now.isoformat(timespec="seconds"),
            "database_kind": kind,
            "database_file": database_file.name,
            "database_sha256": sha256_file(database_file),
            "counts": counts,
            "media_archive": MEDIA_ARCHIVE,
            "media_files": media,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        for path in partial.iterdir():  # password hashes and two-factor secrets are in there
            path.chmod(0o600)
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def read_manifest(folder):
    folder = Path(folder)
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError:
        raise BackupError(f"{folder} is not a backup: it has no {MANIFEST}.") from None
    except ValueError as error:
        raise BackupError(f"{path} is not valid JSON: {error}") from None
    if manifest.get("format") != MANIFEST_FORMAT:
        raise BackupError(f"{path} has an unknown format {manifest.get('format')!r}.")
    return manifest


def restore(folder, database, media_root, force=False):
    """Restore the backup in ``folder`` into ``database`` and ``media_root``, then check
    both against the manifest. Refuses a database that is not empty (it has tables) or a
    MEDIA_ROOT that holds files, unless ``force``."""
    folder = Path(folder)
    media_root = Path(media_root)
    manifest = read_manifest(folder)
    kind = database_kind(database)
    if manifest["database_kind"] != kind:
        raise BackupError(
            f"{folder} is a backup of a {manifest['database_kind']} database; "
            f"it cannot be restored into a {kind} database."
        )

    database_file = folder / manifest["database_file"]
    if not database_file.is_file():
        raise BackupError(f"{database_file} is missing.")
    if sha256_file(database_file) != manifest["database_sha256"]:
        raise BackupError(f"{database_file} does not match the SHA-256 in the manifest.")

    # What is there now.
    if kind == POSTGRESQL and not _pg_database_exists(database):
        _run(["createdb", "--", database["NAME"]], database, what=f"Creating {describe(database)}")
    tables, pages = (_pg_contents if kind == POSTGRESQL else _sqlite_contents)(database)
    existing_media = len(_media_files(media_root))
    if (tables or existing_media) and not force:
        found = []
        if tables:
            found.append(f"{describe(database)} is not empty ({tables} tables, {pages} pages)")
        if existing_media:
            found.append(f"MEDIA_ROOT {media_root} holds {existing_media} files")
        raise BackupError(
            "Refusing to restore: " + "; ".join(found) + ". Restoring replaces them: pass "
            "--force (make restore FORCE=1) to do that."
        )

    # Media first into a staging folder (checked before anything is replaced), then the
    # database in one transaction, then the media swapped in.
    staging = _stage_media(folder / manifest["media_archive"], media_root, manifest["media_files"])
    try:
        if kind == POSTGRESQL:
            _pg_restore(database, database_file, replace=bool(tables))
        else:
            _sqlite_restore(database, database_file)
        _replace_media(staging, media_root)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)

    # Check the result against the manifest.
    counts = (_pg_counts if kind == POSTGRESQL else _sqlite_counts)(database)
    problems = [
        f"{name}: {counts.get(name)} restored, {expected} in the backup"
        for name, expected in manifest["counts"].items()
        if counts.get(name) != expected
    ]
    problems += _compare_media(manifest["media_files"], media_hashes(media_root))
    if problems:
        raise BackupError(
            f"The restore of {folder} does not match its manifest:\n  " + "\n  ".join(problems)
        )
    return RestoreResult(kind=kind, counts=counts, media_files=len(manifest["media_files"]))
