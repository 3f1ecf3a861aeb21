"""Querysets compiled to SQL once per process, then run with new arguments.

Building and compiling a queryset costs a page 1 to 3 ms of Python for each of the
multi-table queries Wagtail pages make (an essay's related essays: 4.4 ms, of which
PostgreSQL's part was 1.5 ms), while the SQL is the same on every request but for its
parameters. ``compiled(name, build, *args)`` calls ``build`` once per process with a
marker in place of each argument, keeps the SQL it compiles to and where each marker
went, and from then on runs that SQL with the arguments put in the markers' places.
Rows come back as the queryset would give them: model instances, ``values()`` dicts or
``values_list()`` tuples (or values, flat), through Django's own converters, on Django's
own cursor (so query counts and logging see them).

Which pages readers may see (``readable()``) shapes the SQL: the restricted paths read
for this request are part of the key, so a new view restriction compiles a new query on
the next request. The arguments must be ints or strings, each passed to the queryset
whole (``pk=arg``) or as a LIKE pattern (``path__startswith=arg``), or a ``Verbatim``
string, put as it is inside the parameter it is part of (a search word in a tsquery); a
list is passed as its items, one argument each, and its length named in ``name``.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
)

LIMIT = 500  # queries kept per process; past that they are compiled afresh
_compiled = {}


def compiled(name, build, *args, using="default"):
    """The rows of ``build(*args)``, a queryset, compiled once per process."""
    from home.models import restricted_paths

    key = (name, using, len(args), tuple(restricted_paths()))
    query = _compiled.get(key)
    if query is None:
        if len(_compiled) >= LIMIT:
            _compiled.clear()
        query = _compiled[key] = CompiledQuery(build, using)
    return query.rows(args)


class Verbatim(str):
    """A string argument put into its parameter as it is, not escaped as a LIKE pattern:
    the caller escapes it for where it goes."""


def marker(position, kind):
    if kind is int:
        # The largest 32-bit integers: in range for any integer column (Django finds no
        # row for an out-of-range value, and then compiles no SQL), and used by no query.
        return 2**31 - 1 - position
    if issubclass(kind, str):
        return f"\ue000{position}\ue000"
    raise TypeError(f"compiled(): argument {position} is a {kind.__name__}, not an int or str")


class CompiledQuery:
    def __init__(self, build, using):
        # The kinds come from the first call's arguments: the same query with a string
        # where an int was is a programming error, raised by the type check below.
        self.build, self.using = build, using
        self.sql = None

    def compile(self, args):
        self.kinds = [type(arg) for arg in args]
        markers = [marker(i, kind) for i, kind in enumerate(self.kinds)]
        queryset = self.build(*markers)
        compiler = queryset.query.get_compiler(using=self.using)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            self.sql, self.empty = "", True
            return
        self.empty = False
        self.sql, self.params = sql, list(params)
        # Where each argument goes: (param index, argument index, whole or in a pattern).
        self.slots, found = [], set()
        for index, param in enumerate(self.params):
            for position, value in enumerate(markers):
                if param == value:
                    self.slots.append((index, position, False))
                    found.add(position)
                elif isinstance(value, str) and isinstance(param, str) and value in param:
                    self.slots.append((index, position, True))
                    found.add(position)
        if missing := set(range(len(args))) - found:
            raise ValueError(f"compiled(): arguments {sorted(missing)} did not reach the SQL")
        select = compiler.select[: compiler.col_count]
        self.converters = list(compiler.get_converters([column for column, _, _ in select]).items())
        iterable = queryset._iterable_class
        if iterable is ModelIterable:
            if queryset.query.select_related or compiler.annotation_col_map:
                raise ValueError("compiled(): model rows without select_related or annotations")
            self.shape = ("model", queryset.model, [col.target.attname for col, _, _ in select])
        elif iterable is ValuesIterable:
            query = queryset.query
            names = (
                list(query.selected)
                if query.selected
                else [*query.extra_select, *query.values_select, *query.annotation_select]
            )
            self.shape = ("dict", names)
        elif iterable is ValuesListIterable:
            self.shape = ("tuple",)
        elif iterable is FlatValuesListIterable:
            self.shape = ("flat",)
        else:
            raise ValueError(f"compiled(): rows of {iterable.__name__} are not supported")

    def rows(self, args):
        if self.sql is None:
            self.compile(args)
        if self.empty:
            return []
        connection = connections[self.using]
        params = list(self.params)
        for index, position, in_pattern in self.slots:
            value = args[position]
            if type(value) is not self.kinds[position]:
                raise TypeError(f"compiled(): argument {position} changed type")
            if in_pattern:
                if not isinstance(value, Verbatim):
                    value = connection.ops.prep_for_like_query(value)
                value = params[index].replace(marker(position, str), value)
            params[index] = value
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = [list(row) for row in rows]
            for row in rows:
                for pos, (converters, expression) in self.converters:
                    for converter in converters:
                        row[pos] = converter(row[pos], expression, connection)
        kind = self.shape[0]
        if kind == "model":
            model, attnames = self.shape[1], self.shape[2]
            return [model.from_db(self.using, attnames, row) for row in rows]
        if kind == "dict":
            names = self.shape[1]
            return [dict(zip(names, row, strict=True)) for row in rows]
        if kind == "flat":
            return [row[0] for row in rows]
        return [tuple(row) for row in rows]


def loaded(model, **values):
    """An instance of ``model`` as ``.only()`` would load it: ``values`` by attribute
    name, the other fields deferred (read from the database if used)."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(None, names, [values[name] for name in names])
