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

Other databases use the database backend unchanged.
"""

from django.db import connection
from django.db.models import Exists, F, IntegerField, OuterRef
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends import database
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

CANDIDATES = 200
TITLE_CANDIDATES = 100


class NewestCandidatesQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        plain = not isinstance(self.query, (MatchAll, Fuzzy)) and not (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        )
        if not (plain and self.order_by_relevance):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # The candidates are already in the queryset: the ranked query needs only them
        # (with the queryset's choice of columns), not the queryset's filters again.
        # They are read first: given their ids, the ranking reads them by key, where
        # given a subquery PostgreSQL read every page to join them to it.
        queryset = self.queryset
        candidates = set(self.candidates(config))
        self.queryset = queryset.model._base_manager.filter(pk__in=candidates)
        self.queryset.query.deferred_loading = queryset.query.deferred_loading
        results = super().search(config, start, stop, score_field=score_field, backend=backend)
        # The matched vector is needed in WHERE only: not sent back with every row.
        results.query.set_annotation_mask(set(results.query.annotation_select) - {"_vector_"})
        return results

    def candidates(self, config):
        """Ids of the pages of the queryset to rank: the newest CANDIDATES that match the
        query anywhere, and the newest TITLE_CANDIDATES whose title matches, however old
        (the title weighs most in the ranking; titles are short to test)."""
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
        page_id = Cast("object_id", IntegerField())
        in_title = matches.filter(title=query).values_list(page_id, flat=True)
        anywhere = (
            matches.annotate(document=CombinedExpression(F("title"), "||", F("body")))
            .filter(document=query)
            .values_list(page_id, flat=True)
        )
        return anywhere[:CANDIDATES].union(in_title[:TITLE_CANDIDATES], all=True)


class NewestCandidatesSearchBackend(PostgresSearchBackend):
    query_compiler_class = NewestCandidatesQueryCompiler


def SearchBackend(params):
    """The backend for the default database (Wagtail looks this name up in the module)."""
    if connection.vendor == "postgresql":
        return NewestCandidatesSearchBackend(params)
    return database.SearchBackend(params)
