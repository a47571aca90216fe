"""The series' feeds (portal/feeds.py): the iCalendar and the Atom feed of a seeded series,
the first request after a change (made afresh) and again (from the cache).

First request: each sample moves the content version of one of the series' published
meetings (as any edit does), then times one request, right after one baseline request
(Python timers, one at a time). From the cache: wrk on the same URL, each run after a run of
the baseline.
"""

import time
import uuid

from benchmarks import measure
from benchmarks.report import Row
from meetings.models import Meeting

BASELINE = "/robots.txt"
FEEDS = [("iCal feed", "kalender.ics", "BEGIN:VCALENDAR"),
         ("Atom feed", "referater.atom", "<feed")]


def rows(*, wrk: str, base: str, client, series, args) -> list[Row]:
    """Two rows per feed, for the anonymous reader: first request, and from the cache."""
    published = Meeting.objects.filter(series=series, status=Meeting.Status.PUBLISHED)
    count = published.count()
    if not count:
        return [Row(f"{label} ({series.name})", note="no published meeting in the series")
                for label, _, _ in FEEDS]
    meeting = published.order_by("-date").first()
    found = []
    for label, name, expect in FEEDS:
        path = f"/serier/{series.pk}/{name}"
        found.append(_first_request(client, path, meeting, label, expect, count,
                                    args.cold_samples))
        found.append(_from_cache(wrk, base, path, f"{label} from the cache ({count} meetings)",
                                 args))
    return found


def _first_request(client, path: str, meeting, label: str, expect: str, count: int,
                   samples: int) -> Row:
    token = uuid.uuid4().hex[:8]
    target_ms, baseline_ms, errors = [], [], 0
    for n in range(max(samples, 3)):
        Meeting.objects.filter(pk=meeting.pk).update(information=f"Bench {token} {n}")
        started = time.perf_counter()
        client.request(BASELINE)
        baseline_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        status, body, _ = client.request(path)
        target_ms.append((time.perf_counter() - started) * 1000)
        errors += not (status == 200 and expect in body.decode("utf-8", "replace"))
    return Row(f"{label} first request after a change ({count} meetings)",
               measure.from_durations(target_ms, errors),
               measure.from_durations(baseline_ms, 0))


def _from_cache(wrk: str, base: str, path: str, label: str, args) -> Row:
    runs, baselines = [], []
    options = {"duration": args.duration, "connections": args.workers}
    for _ in range(args.runs):
        baselines.append(measure.wrk_once(wrk, base + BASELINE, **options))
        runs.append(measure.wrk_once(wrk, base + path, **options))
    samples = f"wrk, {args.runs}×{args.duration} s"
    return Row(label, measure.combine(runs, samples), measure.combine(baselines, samples))
