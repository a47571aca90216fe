"""The newest history row of each object in a queryset of history rows, the deleted left out:
PostgreSQL's DISTINCT ON in one query; elsewhere (the embedded SQLite of `make run`) the first
row of each id in the same order, picked in Python."""

from django.db import connection


def newest_rows(history) -> list:
    ordered = history.order_by("id", "-history_date", "-history_id")
    if connection.vendor == "postgresql":
        found = list(ordered.distinct("id"))
    else:
        newest = {}
        for row in ordered:
            newest.setdefault(row.id, row)
        found = list(newest.values())
    return [row for row in found if row.history_type != "-"]
