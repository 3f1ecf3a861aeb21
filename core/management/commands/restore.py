from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from collective import backups
from core.cache import next_generation


class Command(BaseCommand):
    help = (
        "Restore a backup folder written by `manage.py backup` into the database of "
        "DATABASE_URL and into MEDIA_ROOT, then check both against its manifest. "
        "Refuses a database or MEDIA_ROOT that is not empty unless --force is given."
    )
    # The checks open a database connection (creating an empty SQLite file, failing on a
    # PostgreSQL database that does not exist yet); these commands use the database raw.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup folder, e.g. backups/20260101-030000")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the contents of a database or MEDIA_ROOT that is not empty",
        )

    def handle(self, *args, folder, force, **options):
        database = connections[DEFAULT_DB_ALIAS].settings_dict
        try:
            result = backups.restore(Path(folder), database, Path(settings.MEDIA_ROOT), force)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        # What the cache holds (pages, cards, counts) is of the content before: every
        # reader's next request is rendered from the restored database.
        next_generation()
        counts = ", ".join(f"{value} {name}" for name, value in result.counts.items())
        self.stdout.write(
            f"Restored {folder} into {backups.describe(database)} ({counts}) and "
            f"{result.media_files} media files into {settings.MEDIA_ROOT}; "
            "all match the manifest. The page cache was purged."
        )
