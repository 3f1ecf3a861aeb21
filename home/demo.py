"""The demo site that `make run` loads (its content: data files in home/demo_data/).

Idempotent: every object is found by its slug before it is created, and what
already exists is left as it is (an editor may have changed it).
"""

import datetime
import json
import re
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test.utils import override_settings
from wagtail.models import Page, Site

from articles.claims import mark_every_claim
from articles.models import (
    Contributor,
    EssayContributor,
    EssayCorrection,
    EssayIndexPage,
    EssayPage,
    OrganisationIndexPage,
    OrganisationName,
    OrganisationPage,
    OrganisationRelation,
    SourceCheckTask,
    SourceIndexPage,
    SourcePage,
)
from articles.models.integrity import LinkCheck, LinkKind, LinkState, SourceLinkHealth
from core.editorial import CONTRIBUTORS, EDITORS, FACT_CHECKERS
from home.models import HomePage

User = get_user_model()
DEMO_DATA = Path(__file__).resolve().parent / "demo_data"


def read_demo_data():
    """The demo content, one YAML file a kind in home/demo_data/: contributors,
    organisations, sources and essays, each keyed by slug, in the order they load."""

    def read(name):
        return yaml.safe_load((DEMO_DATA / f"{name}.yaml").read_text(encoding="utf-8"))

    return SimpleNamespace(
        CONTRIBUTORS=read("contributors"),
        ORGANISATIONS=read("organisations"),
        SOURCES=read("sources"),
        ESSAYS=read("essays"),
    )


content = read_demo_data()
CITE = re.compile(r'<a data-cite="(?P<slug>[^"]+)"(?: data-pinpoint="(?P<pinpoint>[^"]*)")?>')


def ensure_home_page():
    """Put a HomePage in place of Wagtail's placeholder page, once, and point the site at it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's own migration leaves a plain "Welcome" page where the home page goes.
        root.get_children().filter(content_type=ContentType.objects.get_for_model(Page)).delete()
        home = root.add_child(
            instance=HomePage(
                title="Essays and sources on political organisations",
                slug="home",
                introduction=(
                    "<p>Collective publishes critical essays about political organisations, "
                    "keeps a sourced profile of each, and files every claim against the "
                    "documents, transcripts and testimony behind it.</p>"
                ),
            )
        )
        home.save_revision().publish()
    # The site's public address (canonical URLs, the sitemap, the API) is the admin's base URL.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": address.hostname or "localhost",
            "port": address.port or (443 if address.scheme == "https" else 80),
            "root_page": home,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    return home


def child(parent, model, slug, **fields):
    """The child page of ``parent`` with ``slug``, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page, True


def stream(blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


DEMO_ACCOUNTS = [
    # (username, group, is superuser, contributor profile it writes as)
    ("contributor", CONTRIBUTORS, False, "k-sable"),
    ("factchecker", FACT_CHECKERS, False, None),
    ("editor", EDITORS, False, None),
    ("admin", None, True, None),
]


def load_demo_accounts():
    """Sign-in accounts for trying each role; created only when DEBUG is on."""
    if not settings.DEBUG:
        return {}
    users = {}
    for username, group, is_superuser, profile in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "is_superuser": is_superuser,
                "is_staff": is_superuser,
            },
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        if profile:
            Contributor.objects.filter(slug=profile, user=None).update(user=user)
        users[username] = user
    return users


def load_contributors():
    return {
        item["slug"]: Contributor.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "bio": item["bio"],
                "is_pseudonymous": item["pseudonymous"],
            },
        )[0]
        for item in content.CONTRIBUTORS
    }


def load_organisations(index):
    pages, created = {}, set()
    for item in content.ORGANISATIONS:
        page, is_new = child(
            index,
            OrganisationPage,
            item["slug"],
            title=item["full_name"],
            short_name=item["short_name"],
            full_name=item["full_name"],
            tradition=item["tradition"],
            founded=item["founded"],
            dissolved=item["dissolved"],
            status=item["status"],
            is_international=item["international"],
            country=item["country"],
            official_url=item["official_url"],
            wikipedia_url=item["wikipedia_url"],
            summary=item["summary"],
            search_description=item["summary"][:300],
            body=stream(("paragraph", f"<p>{text}</p>") for text in item["body"]),
        )
        pages[item["slug"]] = page
        if is_new:
            created.add(item["slug"])
    return pages, created


def link_organisations(organisations, created, sources):
    """Parents, names, relations and timelines, for the organisations created in this run."""
    for item in content.ORGANISATIONS:
        if item["slug"] not in created:
            continue
        page = organisations[item["slug"]]
        page.parent_international = organisations.get(item["parent"])
        page.other_names = [
            OrganisationName(name=name, from_year=start, to_year=end)
            for name, start, end in item["other_names"]
        ]
        page.relations = [
            OrganisationRelation(
                kind=relation["kind"],
                other=organisations[relation["other"]],
                year=relation["year"],
                until=relation["until"],
                note=relation["note"] or "",
            )
            for relation in item["relations"]
        ]
        page.timeline = stream(
            (
                "event",
                {
                    "date": event["date"],
                    "precision": event["precision"],
                    "title": event["title"],
                    "description": event["description"],
                    "sources": [sources[slug].pk for slug in event["sources"]],
                },
            )
            for event in item["timeline"]
        )
        page.save_revision().publish()


def load_sources(index, organisations):
    pages = {}
    for item in content.SOURCES:
        page, is_new = child(
            index,
            SourcePage,
            item["slug"],
            title=item["title"],
            source_type=item["type"],
            creator=item["creator"],
            publisher=item["publisher"],
            date=item["date"],
            date_precision=item["precision"] if item["date"] else "day",
            original_url=item["original_url"],
            archived_url=item["archived_url"],
            date_accessed=item["accessed"],
            summary=f"<p>{item['summary']}</p>",
            provenance=f"<p>{item['provenance']}</p>",
            search_description=item["summary"][:300],
            excerpts=stream(("excerpt", excerpt) for excerpt in item["excerpts"]),
            verification=item.get("verification", "unverified"),
            verified_on=(
                datetime.date.fromisoformat(item["verified_on"])
                if item.get("verified_on")
                else None
            ),
            verification_method=item.get("verification_method", ""),
        )
        if is_new:
            page.organisations = [organisations[slug] for slug in item["organisations"]]
            page.save_revision().publish()
        if item.get("original_gone"):
            record_gone_original(page, item["original_gone"])
        pages[item["slug"]] = page
    return pages


def record_gone_original(source, gone):
    """What the link checker would have recorded for an original that is gone: three
    failed checks a day apart, and the source's original marked offline since the
    first. Written once (a source with checks already is left as it is)."""
    if source.link_checks.filter(kind=LinkKind.ORIGINAL).exists():
        return
    first = datetime.datetime.fromisoformat(gone["first_failure"])
    checks = [first + datetime.timedelta(days=n) for n in range(3)]
    LinkCheck.objects.bulk_create(
        LinkCheck(
            source=source,
            kind=LinkKind.ORIGINAL,
            url=source.original_url,
            checked_at=checked_at,
            status_code=gone["status"],
            verdict=LinkCheck.Verdict.GONE,
            error=f"HTTP {gone['status']}",
        )
        for checked_at in checks
    )
    SourceLinkHealth.objects.update_or_create(
        source=source,
        defaults={
            "original_state": LinkState.OFFLINE,
            "original_verdict": LinkCheck.Verdict.GONE,
            "original_checked_at": checks[-1],
            "original_offline_since": first,
        },
    )


def citation_html(html, sources):
    """Turn the demo's data-cite links into the editor's citation links."""

    def replace(match):
        source = sources[match["slug"]]
        pinpoint = match["pinpoint"]
        extra = f' data-pinpoint="{pinpoint}"' if pinpoint else ""
        return f'<a linktype="citation" id="{source.pk}"{extra}>'

    return CITE.sub(replace, html)


def essay_body(blocks, sources):
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            yield kind, citation_html(value, sources)
        elif kind == "quotation":
            source = sources.get(value.get("source") or "")
            yield kind, {**value, "source": source.pk if source else None}
        else:
            yield kind, value


def publish_through_review(page, revision, reviewers):
    """A live demo essay goes live as any essay does: through "Editorial review", its
    citations marked by the demo fact-checker, each step approved by a demo reviewer (so
    readers see when its sources were checked). Without demo accounts (DEBUG off), or
    when a reviewer wrote it, it is published as it is."""
    checker, editor = reviewers.get("factchecker"), reviewers.get("editor")
    if checker is None or editor is None or revision.user_id in (checker.pk, editor.pk):
        revision.publish(user=page.owner, skip_permission_checks=True)
        return
    with no_mail():
        state = page.get_workflow().start(page, page.owner)
        for reviewer in (checker, editor):
            state.refresh_from_db()
            task_state = state.current_task_state.specific
            task = task_state.task.specific
            if isinstance(task, SourceCheckTask):
                mark_every_claim(task_state.revision, reviewer)
            task.on_action(task_state, reviewer, "approve")


def load_essays(index, contributors, organisations, sources, reviewers=None):
    counts = {"live": 0, "draft": 0, "review": 0}
    for item in content.ESSAYS:
        counts[item["status"]] += 1
        if EssayPage.objects.child_of(index).filter(slug=item["slug"]).exists():
            continue
        page = EssayPage(
            slug=item["slug"],
            title=item["title"],
            standfirst=item["standfirst"],
            search_description=item["standfirst"][:300],
            publication_date=item["date"],
            body=stream(essay_body(item["body"], sources)),
            live=False,
        )
        page.essay_contributors = [
            EssayContributor(contributor=contributors[slug], sort_order=i)
            for i, slug in enumerate(item["contributors"])
        ]
        page.organisations = [organisations[slug] for slug in item["organisations"]]
        page.corrections = [
            EssayCorrection(date=day, text=text, sort_order=i)
            for i, (day, text) in enumerate(item["corrections"])
        ]
        page.topics.add(*item["topics"])
        page.owner = next(
            (
                contributors[slug].user
                for slug in item["contributors"]
                if contributors[slug].user_id
            ),
            None,
        )
        index.add_child(instance=page)
        revision = page.save_revision(user=page.owner)
        if item["status"] == "live":
            publish_through_review(page, revision, reviewers or {})
        elif item["status"] == "review":
            with no_mail():
                page.get_workflow().start(page, page.owner)
    return counts


@contextmanager
def no_mail():
    """Submitting a demo essay for review would email the demo reviewers: in development
    the mail is printed, and `make run` would print it among its own instructions. The
    loader sends none (override_settings is Django's public way to change a setting for a
    while)."""
    with override_settings(
        MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
    ):
        yield


def load():
    home = ensure_home_page()
    essay_index, _ = child(
        home,
        EssayIndexPage,
        "essays",
        title="Essays",
        introduction="Critical essays on the organisations we follow, every claim cited.",
    )
    organisation_index, _ = child(
        home,
        OrganisationIndexPage,
        "organisations",
        title="Organisations",
        introduction="A sourced profile of each organisation: names, years, relations, "
        "and a timeline in which every event cites its sources.",
    )
    source_index, _ = child(
        home,
        SourceIndexPage,
        "sources",
        title="Sources",
        introduction="The documents, transcripts, letters and testimony our essays rely on, "
        "each with an archived copy.",
    )
    contributors = load_contributors()
    accounts = load_demo_accounts()
    for contributor in contributors.values():
        contributor.refresh_from_db()
    organisations, created = load_organisations(organisation_index)
    sources = load_sources(source_index, organisations)
    link_organisations(organisations, created, sources)
    essays = load_essays(essay_index, contributors, organisations, sources, accounts)
    return [
        f"Home page: {home.title}",
        f"Organisations: {len(organisations)}",
        f"Sources: {len(sources)}",
        f"Contributors: {len(contributors)}",
        "Essays: {live} live, {draft} drafts, {review} in review".format(**essays),
        *(
            [f"Demo accounts (password from DEMO_PASSWORD): {', '.join(accounts)}"]
            if accounts
            else []
        ),
    ]
