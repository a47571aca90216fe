"""Benchmark rows for the history pages (issue 17): an item's history page when the item
has 1,000 versions, timed one request at a time beside the /robots.txt baseline.

Called from benchmarks/suite.py inside its gunicorn run; the versions are added to the
benchmark database as history rows of one draft item (once: a rerun finds them there).
"""

import datetime as dt
import time

from django.db.models import Case, When
from django.utils import timezone

from agendas.models import AgendaItem
from benchmarks import measure, seed
from benchmarks.measure import Browser
from benchmarks.report import Row
from meetings.models import Meeting

VERSIONS = 1000
BASELINE = "/robots.txt"


def item_with_versions(series, count: int = VERSIONS) -> AgendaItem:
    """An item of `series` (of a draft meeting, when it has one) with at least `count`
    history rows of its own."""
    item = (AgendaItem.objects.filter(meeting__series=series)
            .order_by(Case(When(meeting__status=Meeting.Status.DRAFT, then=0), default=1),
                      "meeting_id", "position").first())
    history = AgendaItem.history.model
    have = AgendaItem.history.filter(id=item.pk).count()
    if have < count:
        first = AgendaItem.history.filter(id=item.pk).earliest("history_date")
        start = timezone.now() - dt.timedelta(days=1)
        copies = []
        for n in range(count - have):
            row = history(**{f.attname: getattr(first, f.attname)
                             for f in history._meta.concrete_fields
                             if f.attname != "history_id"})
            row.title, row.history_type = f"{item.title} (version {n})", "~"
            row.history_date = start + dt.timedelta(seconds=n)
            copies.append(row)
        history.objects.bulk_create(copies, batch_size=500)
    return item


def rows(base: str, series, samples: int) -> list[Row]:
    item = item_with_versions(series)
    client = Browser(base)
    client.log_in(seed.SECRETARY, seed.PASSWORD)
    path = f"/punkter/{item.pk}/historik/"
    status, body, _headers = client.request(path)
    label = f"Item history, {VERSIONS:,} versions (secretariat)"
    if status != 200 or b"versioner" not in body:
        return [Row(label, note=f"{path} answered {status}, not measured")]
    target_ms, baseline_ms, errors = [], [], 0
    for _ in range(samples):
        started = time.perf_counter()
        client.request(BASELINE)
        baseline_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        status = client.request(path)[0]
        target_ms.append((time.perf_counter() - started) * 1000)
        errors += status != 200
    return [Row(label, measure.from_durations(target_ms, errors),
                measure.from_durations(baseline_ms, 0))]
