"""``manage.py check_links``: check every live source's original and archived address
(deploy/systemd/collective-check-links.timer runs it daily)."""

from django.core.management.base import BaseCommand

from articles.linkcheck import addresses_by_host, check_host
from articles.models import SourcePage


class Command(BaseCommand):
    help = (
        "Queue a check of every live source's original and archived address: one task "
        "per host, which checks that host's addresses one after another (a worker runs "
        "them: manage.py db_worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            type=int,
            action="append",
            metavar="ID",
            help="only this source (repeatable)",
        )
        parser.add_argument("--limit", type=int, help="at most this many sources")

    def handle(self, *args, source=None, limit=None, **options):
        sources = SourcePage.objects.live().only("original_url", "archived_url").order_by("pk")
        if source:
            sources = sources.filter(pk__in=source)
        if limit is not None:
            sources = sources[: max(limit, 0)]
        hosts = addresses_by_host(sources)
        for host, addresses in sorted(hosts.items()):
            check_host.enqueue(host, addresses)
        count = sum(len(addresses) for addresses in hosts.values())
        plural = "" if len(hosts) == 1 else "s"
        self.stdout.write(
            f"Queued the checks of {count} addresses, "
            f"one task per host ({len(hosts)} host{plural})."
        )
