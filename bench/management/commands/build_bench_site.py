"""Build a large site for the benchmark (`make bench`), fast, on PostgreSQL.

    manage.py build_bench_site --essays 10000 --sources 2000 --organisations 60 \
        --contributors 300 --topics 40

Creating pages one by one with ``save_revision().publish()`` manages a few pages a
second; this writes the same rows in bulk instead:

- the home page and the three index pages come from the demo loader (the ordinary path);
- organisation, source and essay pages are inserted a batch at a time into both tables of
  the page (``wagtailcore_page`` and the model's own), with treebeard paths computed here
  from the tree's public ``steplen`` and ``alphabet`` (the n-th child of a page at path P
  is at P + n in ``steplen`` digits), ``url_path``, ``depth`` and the parents' ``numchild``;
- every page gets one revision whose content is the page's ``serializable_data()`` (as
  ``save_revision`` stores it), and is its ``live_revision`` and ``latest_revision``;
- the rows the page's own ``save()`` and relations would write: essay contributors, the
  ``EssayCitation`` rows derived from the body (what "Cited in" reads), organisations
  (M2M), topics (taggit) and sources' organisations;
- the reference index rows, by Wagtail's own ``ReferenceIndex.create_or_update_for_object``
  for each page;
- the search index entries, by the search backend's ``add_bulk`` for each batch, as
  ``update_index`` writes them; then a check of the tree and of a search.

Primary keys come from the tables' own sequences (``nextval``), so a page, its children
and its revision are written in one pass; foreign keys are checked at commit (Django's
PostgreSQL constraints are deferrable). Each batch is one transaction.

Refuses to run on anything but an empty PostgreSQL site: it is for a throwaway database.
"""

import datetime
import json
import random
import time
import uuid
from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import ObjectIndexer
from psycopg2.extras import execute_values
from taggit.models import Tag
from wagtail.models import Locale, Page, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry

from articles.models import (
    Contributor,
    EssayCitation,
    EssayContributor,
    EssayIndexPage,
    EssayPage,
    OrganisationIndexPage,
    OrganisationPage,
    SourceIndexPage,
    SourcePage,
)
from articles.models.essays import EssayTopic
from home import demo

BATCH = 500
# Words the benchmark searches for: one in nearly every essay, one in three essays only.
COMMON_WORD = "democracy"
RARE_WORD = "samizdat"
RARE_COUNT = 3

WORDS = """
leadership members conference branch congress committee faction tendency resolution
document minutes vote majority minority expulsion discipline criticism debate line
programme perspective centralism regime apparatus cadre newspaper sales dues finances
district organiser youth campus union strike picket campaign election candidate slate
platform split merger fusion international section secretariat bulletin discussion
period dissent loyalty statement letter complaint report investigation testimony
account witness record archive transcript meeting session motion amendment delegate
caucus bureau executive council national regional local full-time staff volunteer
recruitment turnover retention burnout culture silence rumour slander accusation
procedure appeal commission control rules constitution statute bylaws practice habit
method theory history tradition founder generation veteran newcomer student worker
""".split()
JOINERS = "the a of in and to that by with from for as on at which was were had".split()
ADJECTIVES = (
    "Revolutionary Socialist Communist Workers Marxist Internationalist Democratic "
    "Libertarian Militant Independent Proletarian Popular Radical United Red"
).split()
NOUNS = (
    "League Party Tendency Group Alliance Committee Federation Union Organisation "
    "Platform Current Movement Network Circle Front"
).split()
COUNTRIES = ["Britain", "Ireland", "France", "Germany", "Spain", "Italy", "Greece", "Canada"]
TOPIC_NAMES = [
    "internal democracy", "democratic centralism", "whistleblowing", "expulsions",
    "safeguarding", "finances", "full-timers", "the party press", "splits", "fusions",
    "front groups", "youth work", "student work", "trade union work", "elections",
    "international relations", "conference procedure", "factions", "cult dynamics",
    "leadership cults", "complaints procedures", "sexual misconduct", "bullying",
    "recruitment", "member retention", "burnout", "theory", "perspectives", "history",
    "archives", "ex-members", "testimony", "legal threats", "the press", "social media",
    "security culture", "dues", "property", "publishing", "succession",
]  # fmt: skip
SURNAMES = (
    "Sable Marlowe Quill Harrow Vance Ashdown Greaves Holloway Lark Merrow Penrose Rook "
    "Stroud Thorne Wren Yates Calder Dunmore Fenwick Garrow Hale Ives Kestrel Lowry"
).split()


def weights(n, exponent):
    """Cumulative weights of a Zipf-like popularity: item k has weight 1 / k**exponent."""
    return list(accumulate(1 / (k**exponent) for k in range(1, n + 1)))


def pick_distinct(rng, items, cum_weights, count):
    chosen = {}
    while len(chosen) < count:
        for item in rng.choices(items, cum_weights=cum_weights, k=count - len(chosen)):
            chosen.setdefault(item.pk, item)
    return list(chosen.values())


class Text:
    """Sentences of the site's vocabulary, drawn from a pool (generating each is slow)."""

    def __init__(self, rng, size=4000):
        self.rng = rng
        self.pool = [self.words() for _ in range(size)]

    def words(self):
        rng = self.rng
        return [rng.choice(WORDS if i % 2 else JOINERS + WORDS) for i in range(rng.randint(8, 15))]

    def sentence(self, extra=()):
        words = self.rng.choice(self.pool)
        if extra:
            words = list(words)
            for word in extra:
                words.insert(self.rng.randrange(len(words) + 1), word)
        return " ".join(words).capitalize() + "."


def normalise(data):
    """Serialised page data with StreamField JSON parsed (JSONB does not keep key order)."""
    data = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    for key, value in data.items():
        if isinstance(value, str) and value.startswith("[{"):
            data[key] = json.loads(value)
        elif isinstance(value, list) and all(isinstance(item, int) for item in value):
            data[key] = sorted(value)  # many-to-many ids: the database has no order
    return data


def allocate_ids(model, count):
    """``count`` fresh primary keys from ``model``'s own sequence."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return sorted(row[0] for row in cursor.fetchall())


def insert_rows(model, columns, rows):
    """INSERT plain tuples with psycopg2's execute_values: no model instances, no compiler."""
    if not rows:
        return
    sql = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES %s"
    with connection.cursor() as cursor:
        execute_values(cursor.cursor, sql, rows, page_size=1000)


def insert_children(model, objs, columns):
    """INSERT child objects with ids from the table's sequence (set on the objects: they
    are part of the revision content)."""
    for pk, obj in zip(allocate_ids(model, len(objs)), objs, strict=True):
        obj.pk = pk
        obj._state.adding = False
    insert_rows(model, ["id", *columns], [(o.pk, *(getattr(o, c) for c in columns)) for o in objs])


def insert(model, objs, fields):
    """INSERT the given fields of ``objs`` into ``model``'s own table only (a page's two
    tables are written one at a time: ``bulk_create`` refuses multi-table inheritance),
    each value prepared by its field as ``save()`` prepares it."""
    rows = [
        tuple(field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields)
        for obj in objs
    ]
    insert_rows(model, [field.column for field in fields], rows)


def tree_step(number):
    """The last ``Page.steplen`` characters of the path of a page's ``number``-th child,
    in the tree's own alphabet."""
    base = len(Page.alphabet)
    digits = ""
    while number:
        number, digit = divmod(number, base)
        digits = Page.alphabet[digit] + digits
    if len(digits) > Page.steplen:
        raise CommandError(f"Too many children under one page for steplen {Page.steplen}.")
    return digits.rjust(Page.steplen, Page.alphabet[0])


def step_number(path):
    """The position of the page at ``path`` among its siblings (the inverse of tree_step)."""
    number = 0
    for character in path[-Page.steplen :]:
        number = number * len(Page.alphabet) + Page.alphabet.index(character)
    return number


class PageWriter:
    """Adds published pages of one type under one parent, a batch at a time."""

    def __init__(self, parent, model, now, search_index=True):
        self.parent = Page.objects.get(pk=parent.pk)
        self.search_backend = get_search_backend() if search_index else None
        self.model = model
        self.now = now
        self.content_type = ContentType.objects.get_for_model(model)
        self.page_content_type = ContentType.objects.get_for_model(Page)
        self.locale_id = Locale.get_default().pk
        last = self.parent.get_last_child()
        self.next_step = step_number(last.path) + 1 if last else 1
        self.written = 0

    def prepare(self, pages):
        """Tree position, ids and publishing state: everything but the revision."""
        ids = allocate_ids(Page, len(pages))
        depth = self.parent.depth + 1
        for pk, page in zip(ids, pages, strict=True):
            page.id = page.page_ptr_id = pk
            page.path = self.parent.path + tree_step(self.next_step)
            self.next_step += 1
            page.depth = depth
            page.numchild = 0
            page.url_path = f"{self.parent.url_path}{page.slug}/"
            page.locale_id = self.locale_id
            page.content_type_id = self.content_type.pk
            page.draft_title = page.title
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = self.now
            page.latest_revision_created_at = self.now
            page._state.adding = False
            page._state.db = connection.alias

    def write(self, pages):
        """Revisions, both page tables, the reference index; children are the caller's."""
        revision_ids = allocate_ids(Revision, len(pages))
        revisions = []
        for revision_id, page in zip(revision_ids, pages, strict=True):
            # As save_revision() does: the content is the page before the revision exists.
            page.latest_revision_id = page.live_revision_id = None
            revisions.append(
                Revision(
                    id=revision_id,
                    content_type_id=self.content_type.pk,
                    base_content_type_id=self.page_content_type.pk,
                    object_id=str(page.pk),
                    created_at=self.now,
                    object_str=str(page)[:255],
                    content=page.serializable_data(),
                )
            )
            page.latest_revision_id = page.live_revision_id = revision_id
        insert(Page, pages, Page._meta.local_concrete_fields)
        insert(self.model, pages, self.model._meta.local_concrete_fields)
        Revision.objects.bulk_create(revisions, batch_size=BATCH)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + len(pages))
        if self.search_backend:
            # What update_index writes for these pages (one entry each, under the page's
            # own model), from the in-memory pages and their relations.
            self.search_backend.add_bulk(self.model, pages)
        self.written += len(pages)


class Command(BaseCommand):
    help = "Build a large published site in bulk for the benchmark (PostgreSQL, empty site)."

    def add_arguments(self, parser):
        parser.add_argument("--essays", type=int, default=10_000)
        parser.add_argument("--sources", type=int, default=2_000)
        parser.add_argument("--organisations", type=int, default=60)
        parser.add_argument("--contributors", type=int, default=300)
        parser.add_argument("--topics", type=int, default=40)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--skip-search-index", action="store_true", help="Leave the search index alone."
        )
        parser.add_argument(
            "--baseline",
            type=int,
            default=20,
            metavar="N",
            help="Afterwards, time N essays created one by one with save_revision().publish(), "
            "rolled back, to compare the rates on this machine now (0: skip).",
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("build_bench_site needs PostgreSQL (DATABASE_URL=postgres://...).")
        if EssayPage.objects.exists() or SourcePage.objects.exists():
            raise CommandError(
                "This site already has essays or sources: build_bench_site only fills an "
                "empty, throwaway database (make bench creates one)."
            )
        if not 1 <= options["topics"] <= len(TOPIC_NAMES):
            raise CommandError(f"--topics must be between 1 and {len(TOPIC_NAMES)}.")
        self.rng = random.Random(options["seed"])
        self.text = Text(self.rng)
        with connection.cursor() as cursor:
            # A throwaway database: no need to wait for each commit to reach the disk.
            cursor.execute("SET synchronous_commit TO off")
        self.with_search_index = not options["skip_search_index"]
        self.now = timezone.now().replace(microsecond=0)
        started = time.monotonic()

        with transaction.atomic():
            home = demo.ensure_home_page()
            essay_index, _ = demo.child(home, EssayIndexPage, "essays", title="Essays")
            organisation_index, _ = demo.child(
                home, OrganisationIndexPage, "organisations", title="Organisations"
            )
            source_index, _ = demo.child(home, SourceIndexPage, "sources", title="Sources")
            contributors = self.build_contributors(options["contributors"])
            topics = self.build_topics(options["topics"])
            organisations = self.build_organisations(organisation_index, options["organisations"])
        sources = self.build_sources(source_index, options["sources"], organisations)
        self.build_essays(
            essay_index, options["essays"], contributors, topics, organisations, sources
        )
        pages_written = len(organisations) + len(sources) + options["essays"]

        if self.with_search_index:
            # As update_index finishes: the title norms over the whole index.
            backend = get_search_backend()
            backend.rebuilder_class(backend.get_index_for_model(EssayPage)).finish()
        total_seconds = time.monotonic() - started
        # A live database has planner statistics (autovacuum gathers them as rows change);
        # a freshly bulk-loaded one has none until autovacuum gets round to it, and
        # PostgreSQL then plans the listings' queries badly. Gather them now.
        vacuum_started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.stdout.write(f"VACUUM ANALYZE: {time.monotonic() - vacuum_started:.1f} s")
        self.check_site(options)
        self.stdout.write(
            f"Build rate: {pages_written / total_seconds:.0f} pages/s "
            f"({pages_written} pages in {total_seconds:.1f} s: pages, revisions, relations, "
            "reference index and search index)"
        )
        stats = {
            "pages": pages_written,
            "seconds": round(total_seconds, 2),
            "pages_per_second": round(pages_written / total_seconds, 1),
        }
        if options["baseline"]:
            rate = self.baseline(essay_index, options["baseline"], contributors, topics, sources)
            stats["ordinary_pages_per_second"] = round(rate, 2)
            stats["speedup"] = round(stats["pages_per_second"] / rate, 1)
            self.stdout.write(
                f"Ordinary path (add_child + save_revision().publish()): {rate:.1f} pages/s; "
                f"the bulk path is {stats['speedup']}x faster"
            )
        self.stdout.write("BUILD_STATS " + json.dumps(stats))

    def baseline(self, index, count, contributors, topics, sources):
        """Pages per second of the ordinary path, on this site and machine, rolled back."""
        rng = self.rng
        index = EssayIndexPage.objects.get(pk=index.pk)
        with transaction.atomic():
            started = time.monotonic()
            for n in range(count):
                cited = rng.sample(sources, 12)
                body, _ = self.essay_body(rng, cited, [], False)
                page = EssayPage(
                    title=f"Baseline essay {n}",
                    slug=f"baseline-essay-{n}",
                    standfirst="How it was done the slow way.",
                    publication_date=datetime.date(2026, 1, 1),
                    body=body,
                )
                page.essay_contributors = [EssayContributor(contributor=rng.choice(contributors))]
                page.topics.add(*rng.sample(topics, 2))
                index.add_child(instance=page)
                page.save_revision().publish()
            rate = count / (time.monotonic() - started)
            transaction.set_rollback(True)
        return rate

    # Snippets and tags -------------------------------------------------------------

    def build_contributors(self, count):
        rng = self.rng
        contributors = []
        for i in range(count):
            name = f"{chr(65 + rng.randrange(26))}. {rng.choice(SURNAMES)}"
            contributors.append(
                Contributor(
                    name=name,
                    slug=f"{slugify(name)}-{i + 1}",
                    bio="Writes about party democracy under a pen name.",
                )
            )
        return Contributor.objects.bulk_create(contributors)

    def build_topics(self, count):
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=TOPIC_NAMES[:count])}
        Tag.objects.bulk_create(
            [
                Tag(name=name, slug=slugify(name))
                for name in TOPIC_NAMES[:count]
                if name not in existing
            ]
        )
        return list(Tag.objects.filter(name__in=TOPIC_NAMES[:count]).order_by("pk"))

    # Pages -------------------------------------------------------------------------

    def build_organisations(self, index, count):
        rng = self.rng
        writer = PageWriter(index, OrganisationPage, self.now, self.with_search_index)
        pages, seen = [], set()
        while len(pages) < count:
            words = [rng.choice(ADJECTIVES), rng.choice(ADJECTIVES), rng.choice(NOUNS)]
            country = rng.choice(COUNTRIES)
            short = "".join(word[0] for word in words) + country[0]
            if short in seen or words[0] == words[1]:
                continue
            seen.add(short)
            full_name = f"{' '.join(words)} ({country})"
            summary = f"The {short}, a small organisation in {country}. " + self.text.sentence()
            pages.append(
                OrganisationPage(
                    title=full_name,
                    slug=short.lower(),
                    short_name=short,
                    full_name=full_name,
                    tradition=rng.choice(["Trotskyist", "Maoist", "Left communist"]),
                    founded=rng.randint(1950, 2015),
                    country=country,
                    summary=summary[:500],
                    search_description=summary[:300],
                    body=json.dumps(
                        [
                            {
                                "type": "paragraph",
                                "value": f"<p>{self.text.sentence([short])} "
                                f"{self.text.sentence()}</p>",
                                "id": str(uuid.uuid4()),
                            }
                            for _ in range(3)
                        ]
                    ),
                    timeline="[]",
                )
            )
        writer.prepare(pages)
        for page in pages:
            page.other_names = []
            page.relations = []
            page.wagtail_admin_comments = []
        with transaction.atomic():
            writer.write(pages)
        return pages

    def build_sources(self, index, count, organisations):
        rng = self.rng
        writer = PageWriter(index, SourcePage, self.now, self.with_search_index)
        types = [value for value, _ in SourcePage.SourceType.choices]
        org_weights = weights(len(organisations), 0.8)
        built = []
        for start in range(0, count, BATCH):
            pages, links = [], []
            for n in range(start, min(count, start + BATCH)):
                orgs = pick_distinct(rng, organisations, org_weights, rng.randint(1, 2))
                title = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {n + 1}"
                summary = self.text.sentence([orgs[0].short_name])
                day = datetime.date(1970, 1, 1) + datetime.timedelta(days=rng.randrange(20_000))
                page = SourcePage(
                    title=f"{orgs[0].short_name} {title}",
                    slug=f"source-{n + 1}",
                    source_type=rng.choice(types),
                    creator=rng.choice(["Central Committee", "National Secretary", ""]),
                    date=day,
                    date_precision="day",
                    original_url=f"https://example.org/documents/{n + 1}",
                    archived_url=f"https://web.archive.org/web/2020/example.org/documents/{n + 1}",
                    summary=f"<p>{summary}</p>",
                    search_description=summary[:300],
                    excerpts=json.dumps(
                        [
                            {
                                "type": "excerpt",
                                "value": {"text": self.text.sentence(), "location": "p. 3"},
                                "id": str(uuid.uuid4()),
                            }
                        ]
                    ),
                )
                pages.append(page)
                links.append(orgs)
            writer.prepare(pages)
            through = []
            for page, orgs in zip(pages, links, strict=True):
                page.organisations = orgs
                page.wagtail_admin_comments = []
                through.extend((page.pk, org.pk) for org in orgs)
            with transaction.atomic():
                insert_rows(
                    SourcePage.organisations.through,
                    ["sourcepage_id", "organisationpage_id"],
                    through,
                )
                writer.write(pages)
            built.extend(pages)
            self.progress("sources", writer.written, count)
        return built

    def essay_body(self, rng, sources, organisations, rare):
        """Paragraphs citing each source once (in order), the first naming the organisations."""
        blocks = [{"type": "heading", "value": self.text.sentence()[:60].rstrip(".")}]
        citations = []
        for number, source in enumerate(sources, start=1):
            extra = [org.short_name for org in organisations] if number == 1 else []
            if number == 1:
                extra.append(COMMON_WORD if rng.random() < 0.95 else "")
            if rare and number == 2:
                extra.append(RARE_WORD)
            pinpoint = f"p. {rng.randint(1, 200)}" if rng.random() < 0.3 else ""
            attribute = f' data-pinpoint="{pinpoint}"' if pinpoint else ""
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6)))
            html = (
                f"<p>{self.text.sentence([w for w in extra if w])} {self.text.sentence()} "
                f'It says that <a linktype="citation" id="{source.pk}"{attribute}>{words}</a>, '
                f"{self.text.sentence().lower()}</p>"
            )
            blocks.append({"type": "paragraph", "value": html})
            citations.append(
                EssayCitation(
                    source_id=source.pk, number=number, pinpoints=pinpoint, sort_order=number - 1
                )
            )
            if number % 6 == 0:
                blocks.append({"type": "heading", "value": self.text.sentence()[:60].rstrip(".")})
        for block in blocks:
            block["id"] = str(uuid.uuid4())
        return json.dumps(blocks), citations

    def build_essays(self, index, count, contributors, topics, organisations, sources):
        rng = self.rng
        writer = PageWriter(index, EssayPage, self.now, self.with_search_index)
        org_weights = weights(len(organisations), 0.8)
        source_weights = weights(len(sources), 0.5)
        topic_weights = weights(len(topics), 0.7)
        rare_essays = {count * (k + 1) // (RARE_COUNT + 1) for k in range(RARE_COUNT)}
        first_day = datetime.date(2000, 1, 1)
        span = (datetime.date(2026, 6, 30) - first_day).days
        for start in range(0, count, BATCH):
            pages, relations = [], []
            for n in range(start, min(count, start + BATCH)):
                orgs = pick_distinct(rng, organisations, org_weights, rng.randint(1, 3))
                cited = pick_distinct(rng, sources, source_weights, rng.randint(5, 20))
                body, citations = self.essay_body(rng, cited, orgs, n in rare_essays)
                title = (
                    f"The {rng.choice(WORDS)} and the {rng.choice(WORDS)} in the "
                    f"{orgs[0].short_name}, {n + 1}"
                )
                standfirst = f"How the {orgs[0].short_name} {self.text.sentence().lower()}"
                pages.append(
                    EssayPage(
                        title=title,
                        slug=f"{slugify(title)[:60]}-{n + 1}",
                        standfirst=standfirst[:400],
                        search_description=standfirst[:300],
                        publication_date=first_day + datetime.timedelta(days=rng.randrange(span)),
                        body=body,
                    )
                )
                relations.append(
                    (
                        orgs,
                        citations,
                        rng.sample(contributors, rng.choice([1, 1, 1, 2])),
                        pick_distinct(rng, topics, topic_weights, rng.randint(1, 3)),
                    )
                )
            writer.prepare(pages)
            children = {"contributors": [], "citations": [], "topics": [], "organisations": []}
            for page, (orgs, citations, authors, tags) in zip(pages, relations, strict=True):
                page.essay_contributors = [
                    EssayContributor(contributor=author, sort_order=i)
                    for i, author in enumerate(authors)
                ]
                page.citations = citations
                page.corrections = []
                page.topic_items = [EssayTopic(tag=tag) for tag in tags]
                page.organisations = orgs
                page.wagtail_admin_comments = []
                children["contributors"].extend(page.essay_contributors.all())
                children["citations"].extend(page.citations.all())
                children["topics"].extend(page.topic_items.all())
                children["organisations"].extend((page.pk, org.pk) for org in orgs)
            with transaction.atomic():
                # Child rows first: their primary keys are part of the revision content.
                insert_children(
                    EssayContributor,
                    children["contributors"],
                    ["page_id", "contributor_id", "sort_order"],
                )
                insert_children(
                    EssayCitation,
                    children["citations"],
                    ["page_id", "source_id", "number", "pinpoints", "sort_order"],
                )
                insert_children(EssayTopic, children["topics"], ["content_object_id", "tag_id"])
                insert_rows(
                    EssayPage.organisations.through,
                    ["essaypage_id", "organisationpage_id"],
                    children["organisations"],
                )
                writer.write(pages)
            self.progress("essays", writer.written, count)

    def progress(self, what, done, total):
        if done == total or done % 2000 == 0:
            self.stdout.write(f"  {what}: {done}/{total}")

    # Checks ------------------------------------------------------------------------

    def check_site(self, options):
        """The checks that take a few queries: tree, revisions, counts, a search."""
        with connection.cursor() as cursor:
            # Treebeard's invariants, in SQL: depth matches the path, every page but the
            # root has its parent, numchild counts the children.
            cursor.execute(
                """
                WITH children AS (
                  SELECT substr(path, 1, length(path) - %(step)s) AS parent_path, count(*) AS n
                  FROM wagtailcore_page WHERE depth > 1 GROUP BY 1
                )
                SELECT
                  (SELECT count(*) FROM wagtailcore_page WHERE length(path) != depth * %(step)s),
                  (SELECT count(*) FROM children c
                     LEFT JOIN wagtailcore_page p ON p.path = c.parent_path WHERE p.id IS NULL),
                  (SELECT count(*) FROM wagtailcore_page p
                     LEFT JOIN children c ON c.parent_path = p.path
                     WHERE p.numchild != coalesce(c.n, 0)),
                  (SELECT count(*) FROM wagtailcore_page WHERE depth > 1 AND (
                     live_revision_id IS NULL OR latest_revision_id IS NULL))
                """,
                {"step": Page.steplen},
            )
            bad_depth, orphans, bad_numchild, no_revision = cursor.fetchone()
        if bad_depth or orphans or bad_numchild or no_revision:
            raise CommandError(
                f"Tree problems: {bad_depth} bad depths, {orphans} orphans, "
                f"{bad_numchild} bad numchild, {no_revision} pages without a revision."
            )
        counts = {
            "essays": EssayPage.objects.live().count(),
            "sources": SourcePage.objects.live().count(),
            "organisations": OrganisationPage.objects.live().count(),
            "citations": EssayCitation.objects.count(),
            "page revisions": Revision.page_revisions.count(),
            "reference index rows": ReferenceIndex.objects.count(),
        }
        self.stdout.write("Built: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        self.check_sample()
        if not options["skip_search_index"]:
            hits = EssayPage.objects.live().search(RARE_WORD, operator="and")
            found = len(list(hits))
            self.stdout.write(f"Search for {RARE_WORD!r}: {found} essays")
            if found != min(RARE_COUNT, options["essays"]):
                raise CommandError(f"Search for {RARE_WORD!r} found {found} essays.")

    def check_sample(self, size=5):
        """For a few pages of each type, read back from the database: the revision holds
        what save_revision() would store, and the search index entry what the backend's
        indexer derives from the page as read back (the reference index rows are written
        by Wagtail's own create_or_update_for_object)."""
        backend = get_search_backend()
        for model in (OrganisationPage, SourcePage, EssayPage):
            for page in model.objects.order_by("?")[:size]:
                content = page.live_revision.content
                expected = page.serializable_data()
                for key in ("live_revision", "latest_revision"):
                    content.pop(key, None)
                    expected.pop(key, None)
                if normalise(content) != normalise(expected):
                    raise CommandError(f"Revision content of {model.__name__} {page.pk} differs.")
                if self.with_search_index:
                    entry = IndexEntry.objects.get(
                        content_type=ContentType.objects.get_for_model(model),
                        object_id=str(page.pk),
                    )
                    indexer = ObjectIndexer(page, backend)
                    if (entry.title_text, entry.body_text) != (
                        indexer.title_text,
                        indexer.body_text,
                    ):
                        raise CommandError(f"Search index of {model.__name__} {page.pk} differs.")
        self.stdout.write(
            f"Checked {size} pages of each type against Wagtail's own derivations "
            "(revision content, search index)."
        )
