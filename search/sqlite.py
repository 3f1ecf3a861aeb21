"""Search on SQLite (the embedded default): the database backend's FTS5 search, with a
query cut into words as PostgreSQL's parser cuts them. Imported only where the database is
SQLite with FTS5 (search.backend.SearchBackend): its index model exists only there."""

import re

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

# Words PostgreSQL's English configuration leaves out of a query (a short list of the
# commonest): on SQLite a query's words must all be found, and these are in few titles.
STOP_WORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i if in into is it "
    "its me my no not of on or our she so than that the their them then there these they "
    "this those to too us was we were what when which who will with you your".split()
)
# The words FTS5's default tokenizer (unicode61) makes of text: runs of letters and digits.
TOKENS = re.compile(r"[^\W_]+")


def query_words(text):
    """The words of ``text`` a search looks for: no punctuation, no stop words (a query
    of stop words alone finds nothing, as on PostgreSQL)."""
    words = (word.lower() for word in TOKENS.findall(text))
    return [word for word in words if word not in STOP_WORDS]


class WordsQueryCompiler(SQLiteSearchQueryCompiler):
    """SQLite's FTS5 takes each term typed as it is: "life-passing" as a phrase (its
    words must be next to each other), "the" as a word every match must hold, a quote as
    query syntax. Here a query is cut into words as PostgreSQL cuts it, so that the same
    query finds the same pages on both; a phrase in quotes stays a phrase."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(" ".join(query_words(query.query_string)), operator=query.operator)
        elif isinstance(query, Phrase):
            query = Phrase(" ".join(query_words(query.query_string)))
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, (PlainText, Phrase)) and not query_words(self.query.query_string):
            return self.queryset.none()  # nothing to look for: no match, as on PostgreSQL
        return super().search(config, start, stop, score_field=score_field)


class WordsSearchBackend(SQLiteSearchBackend):
    query_compiler_class = WordsQueryCompiler
