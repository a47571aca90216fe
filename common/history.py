"""Rows of a model as they stood at a moment, read back from django-simple-history."""

from django.db.models import OuterRef, Subquery


def rows_as_of(model, moment, *, strict: bool = False, **filters) -> list:
    """The historical rows of `model` matching `filters` as they stood at `moment` (strict:
    just before it), the ones deleted by then left out. One query on every database: each
    row's newest version up to the moment, found by a subquery (not PostgreSQL's DISTINCT ON,
    so the embedded SQLite default answers the same)."""
    history = model.history.model._default_manager
    until = {"history_date__lt" if strict else "history_date__lte": moment}
    newest = (history.filter(id=OuterRef("id"), **until)
              .order_by("-history_date", "-history_id").values("history_id")[:1])
    found = history.filter(**filters, **until).filter(history_id=Subquery(newest))
    return [row for row in found.order_by("id") if row.history_type != "-"]
