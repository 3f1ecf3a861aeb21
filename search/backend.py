"""Wagtail's database search backend, with relevance ranking that costs the same at any size.

PostgreSQL ranks every match of a query (``ts_rank`` over each page's whole vector)
before it can return the best ones: a word found in nearly every essay costs a ranking
of every essay, and so grows with the site. Here the backend first picks, cheaply and
with the search index's indexes, the ``CANDIDATES`` most recently indexed matches in
the queryset and the ``TITLE_CANDIDATES`` most recent whose title matches, and ranks
only those. A query matching fewer pages ranks them all, as before; one matching more
is ranked among the newest matches and the title matches (the search page says so, and
filters narrow the candidates first), so an older essay named for the words typed is
still found.

On SQLite (the embedded default) the database backend's FTS5 search is used with the
query cut into words first, as PostgreSQL's parser cuts them (``search/sqlite.py``);
it ranks every match (BM25), which costs little at the sizes SQLite serves.
"""

import re

from django.db import connection
from django.db.models import Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends import database
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not, PlainText
from modelsearch.utils import get_descendants_content_types_pks

CANDIDATES = 200
TITLE_CANDIDATES = 100
# The words of a plain query, as the PostgreSQL backend splits them.
WORDS = re.compile(r"[^\s\-]+")
# An index entry's page (its object_id is text).
PAGE_ID = Cast("object_id", IntegerField())


class NewestCandidatesQueryCompiler(PostgresSearchQueryCompiler):
    def ranks_candidates(self):
        """Whether this query is ranked among candidates: a plain query by relevance."""
        plain = not isinstance(self.query, (MatchAll, Fuzzy)) and not (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        )
        return plain and self.order_by_relevance

    def search(self, config, start, stop, score_field=None, backend=None):
        if not self.ranks_candidates():
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # The candidates are already in the queryset: the ranked query needs only them
        # (with the queryset's choice of columns), not the queryset's filters again.
        # They are read first: given their ids, the ranking reads them by key, where
        # given a subquery PostgreSQL read every page to join them to it.
        queryset = self.queryset
        entries = IndexEntry.objects.filter(pk__in=self.candidates(config))
        candidates = set(entries.values_list(PAGE_ID, flat=True))
        self.queryset = queryset.model._base_manager.filter(pk__in=candidates)
        self.queryset.query.deferred_loading = queryset.query.deferred_loading
        results = super().search(config, start, stop, score_field=score_field, backend=backend)
        # The matched vector is needed in WHERE only: not sent back with every row.
        results.query.set_annotation_mask(set(results.query.annotation_select) - {"_vector_"})
        return results

    def best(self, config, limit):
        """(id, title, content type id) of the ``limit`` best candidates, best first, in
        one query (a queryset of rows): the index entries are ranked as ``search()`` ranks
        their pages, without reading the pages but for their titles."""
        # The backend's rank over the entry's own vectors (get_index_vectors() names them
        # from the page's side).
        rank = self._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )
        title = self.queryset.model._base_manager.filter(pk=OuterRef("page_id")).values("title")
        entries = IndexEntry.objects.filter(pk__in=self.candidates(config))
        return (
            entries.annotate(page_id=PAGE_ID, page_title=Subquery(title))
            .order_by(rank.desc(), "-page_id")
            .values_list("page_id", "page_title", "content_type_id")[:limit]
        )

    def candidates(self, config):
        """The index entries of the pages of the queryset to rank: the newest CANDIDATES
        that match the query anywhere, and the newest TITLE_CANDIDATES whose title
        matches, however old (the title weighs most in the ranking; titles are short to
        test)."""
        model = self.queryset.model
        query = self.build_tsquery(self.query, config=config)
        in_queryset = self.queryset.order_by().filter(
            pk=Cast(OuterRef("object_id"), IntegerField())
        )
        matches = (
            IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(model))
            .filter(Exists(in_queryset))
            .order_by("-pk")
        )
        in_title = matches.filter(title=query).values("pk")[:TITLE_CANDIDATES]
        anywhere = self.matching_anywhere(matches, query).values("pk")[:CANDIDATES]
        return anywhere.union(in_title, all=True)

    def matching_anywhere(self, entries, query):
        """The entries whose title or body matches ``query``. One word is looked up in
        each in turn: joining the two vectors, as any other query needs (its words may
        be found some in the title, some in the body), costs more than the lookups."""
        if isinstance(self.query, PlainText) and len(WORDS.findall(self.query.query_string)) == 1:
            return entries.filter(Q(title=query) | Q(body=query))
        document = CombinedExpression(F("title"), "||", F("body"))
        return entries.annotate(document=document).filter(document=query)


class NewestCandidatesSearchBackend(PostgresSearchBackend):
    query_compiler_class = NewestCandidatesQueryCompiler


def best_matches(pages, query, limit):
    """(id, title, content type id) of the ``limit`` pages of ``pages()``, a queryset,
    that match every word of ``query`` best, best first: rows, not pages, since a page
    costs far more to build than the search does to find it."""
    return list(ranked_rows(pages(), query, limit))


def ranked_rows(pages, query, limit):
    """The rows best_matches() gives: a queryset where this backend ranks them, else a
    list."""
    results = pages.only("pk", "title", "content_type").search(query, operator="and")
    compiler = getattr(results, "query_compiler", None)
    if isinstance(compiler, NewestCandidatesQueryCompiler) and compiler.ranks_candidates():
        return compiler.best(compiler.get_config(results.backend), limit)
    return [(page.pk, page.title, page.content_type_id) for page in results[:limit]]


def SearchBackend(params):
    """The backend for the default database (Wagtail looks this name up in the module)."""
    if connection.vendor == "postgresql":
        return NewestCandidatesSearchBackend(params)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        # Imported here: its models exist only where the database is SQLite with FTS5.
        from search.sqlite import WordsSearchBackend

        return WordsSearchBackend(params)
    return backend
