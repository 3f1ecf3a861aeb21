"""Text typed by readers, made safe to search with."""

import re

MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]+")


def clean_query(raw):
    """The query as the search backend may see it: no control characters, one space
    between words, at most MAX_QUERY_LENGTH characters."""
    text = " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())[:MAX_QUERY_LENGTH]
    if text.count('"') % 2:
        # Quotes mark phrases; an unpaired one would be a syntax error for some backends.
        text = text.replace('"', " ")
    return text.strip()
