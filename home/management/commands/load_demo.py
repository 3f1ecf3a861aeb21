from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo


class Command(BaseCommand):
    help = "Load the demo site (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        with transaction.atomic():
            summary = demo.load()
        for line in summary:
            self.stdout.write(line)
