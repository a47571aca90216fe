"""ORM queries compiled once and run again with other ids.

For the few reads on every request (who is reading, which version of a meeting is current),
building and compiling the query costs several times what running it does. `Precompiled`
builds the queryset once per shape with stand-in ids, keeps its SQL, and runs that SQL with
the real ids in their places: the SQL is the ORM's own, rule and all, only not compiled
again.
"""

from collections.abc import Callable
from itertools import count

from django.db import connections

_STAND_IN_BASE = -7_340_000  # negative: never the id of a row
_INTEGER_RANGE = range(-2**63, 2**63)  # what every database stores as an integer


def _storable(arg) -> bool:
    if isinstance(arg, tuple):
        return all(_storable(a) for a in arg)
    return not isinstance(arg, int) or arg in _INTEGER_RANGE


class Precompiled:
    """`build(*args)` returns a values_list() queryset; each arg is an int, a str or a tuple
    of ints (an id list, whose length is part of the shape); `variant` is anything else the
    query is built from. Calling returns the rows, as tuples."""

    def __init__(self, build: Callable):
        self._build = build
        self._compiled: dict = {}

    def __call__(self, *args, variant=None) -> list[tuple]:
        if not all(_storable(a) for a in args):
            return []  # no row has an id beyond 64 bits (SQLite refuses to compare with one)
        shape = (variant, tuple(len(a) if isinstance(a, tuple) else None for a in args))
        compiled = self._compiled.get(shape)
        if compiled is None:
            compiled = self._compiled[shape] = self._compile(shape, args, variant)
        alias, sql, params, places = compiled
        values = list(params)
        for index, (arg, element) in places.items():
            values[index] = args[arg] if element is None else args[arg][element]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.fetchall()

    def _compile(self, shape, args, variant):
        numbers = count()
        stand_ins, where = [], {}
        for position, arg in enumerate(args):
            if isinstance(arg, tuple):
                ids = tuple(_STAND_IN_BASE - next(numbers) for _ in arg)
                where.update({value: (position, element) for element, value in enumerate(ids)})
                stand_ins.append(ids)
            else:
                value = _STAND_IN_BASE - next(numbers)
                if isinstance(arg, str):
                    value = f"precompiled-stand-in{value}"
                where[value] = (position, None)
                stand_ins.append(value)
        queryset = self._build(*stand_ins, variant=variant) if variant is not None \
            else self._build(*stand_ins)
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
        places = {index: where[p] for index, p in enumerate(params)
                  if isinstance(p, int | str) and p in where}
        if set(places.values()) != set(where.values()):
            raise ValueError("Precompiled: a stand-in id did not reach the query's parameters")
        return queryset.db, sql, tuple(params), places
