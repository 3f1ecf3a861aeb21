from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from collective import backups


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database (DATABASE_URL) and the media files "
        "(MEDIA_ROOT) to backups/<YYYYMMDD-HHMMSS>/ (UTC), and print the folder's path."
    )
    # The checks open a database connection (creating an empty SQLite file, failing on a
    # PostgreSQL database that does not exist yet); these commands use the database raw.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.BASE_DIR / "backups"),
            help="the folder the timestamped backup folder is created in (default: backups/)",
        )

    def handle(self, *args, output_dir, verbosity, **options):
        database = connections[DEFAULT_DB_ALIAS].settings_dict
        try:
            folder = backups.backup(database, Path(settings.MEDIA_ROOT), Path(output_dir))
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        if verbosity > 1:
            manifest = backups.read_manifest(folder)
            counts = ", ".join(f"{value} {name}" for name, value in manifest["counts"].items())
            self.stderr.write(
                f"Backed up {backups.describe(database)} ({counts}) and "
                f"{len(manifest['media_files'])} media files."
            )
        self.stdout.write(_shown(folder))


def _shown(path):
    """The path relative to the current folder when it is under it (as `make restore` takes it)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
