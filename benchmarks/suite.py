"""The benchmark run itself, once Django is set up against the benchmark database."""

import datetime as dt
import os
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from agendas.models import AgendaItem, Attachment
from benchmarks import editing, feeds, machine, measure, report, seed, targets
from benchmarks import oparl as oparl_bench
from benchmarks.measure import Browser
from benchmarks.report import Row
from benchmarks.search import rows as search_rows
from benchmarks.server import gunicorn
from meetings.models import Meeting, MeetingSeries

BASELINE = "/robots.txt"
SEARCH_WORD = "beskæftigelsesindsatsen"


@dataclass
class WrkTarget:
    label: str
    path: str
    logged_in: bool
    expect: str = ""  # text the response must contain (bytes are checked as UTF-8)
    content_type: str = "text/html"
    as_secretary: bool = False  # logged in as the secretariat rather than as the member


def run(*, args, env: dict, repo: Path, out: Path) -> None:
    load_before = os.getloadavg()
    wrk = measure.ensure_wrk()
    print("bench: migrating and collecting static files")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    try:
        seeded = seed.ensure_seed(reseed=args.reseed, scale=args.scale,
                                  log=lambda line: print(f"bench: {line}"))
    except seed.NotABenchmarkDatabase as error:
        raise SystemExit(f"bench: {error}") from error
    print(f"bench: seed {'reused' if seeded.reused else 'written'} in {seeded.seconds:.1f} s: "
          f"{seeded.counts}")

    series = list(MeetingSeries.objects.filter(name__startswith=seed.SERIES_PREFIX)
                  .order_by("name")[:2])
    meeting = (Meeting.objects.filter(series=series[0], status=Meeting.Status.MINUTES_APPROVED)
               .order_by("-date").first())
    public = (Meeting.objects.filter(series=series[0], status=Meeting.Status.PUBLISHED)
              .order_by("-date").first())
    attachment = Attachment.objects.filter(item__meeting=meeting, is_closed=False).first()
    items = meeting.items.count()

    log = out / "gunicorn.log"
    with gunicorn(repo=repo, env=env, workers=args.workers, log=log) as base:
        member = Browser(base)
        member.log_in(seed.MEMBER, seed.PASSWORD)
        cookie = {"Cookie": f"sessionid={member.cookie('sessionid')}"}
        secretary = Browser(base)
        secretary.log_in(seed.SECRETARY, seed.PASSWORD)
        cookies = {False: cookie, True: {"Cookie": f"sessionid={secretary.cookie('sessionid')}"}}
        anonymous = Browser(base)

        wrk_targets = [
            WrkTarget("Meeting page (member)", meeting.get_absolute_url(), True,
                      expect=f"Punkt {items}:"),
            WrkTarget("Public meeting page (anonymous)", public.get_absolute_url(), False,
                      expect="Lukket punkt"),
            WrkTarget("Meeting list (member)", "/", True, expect="Kommende møder"),
            WrkTarget("Attachment download (member)", attachment.get_absolute_url(), True,
                      content_type="application/pdf"),
        ]
        rows_after: list[Row] = []
        board = targets.follow_up_board_route()
        if board:
            wrk_targets.append(WrkTarget(
                f"Follow-up board, {seeded.counts['follow_ups']:,} follow-ups (secretariat)",
                board.path(), True, expect="opfølgninger", as_secretary=True))
        else:
            rows_after.append(Row("Follow-up board", note="no follow-up board in the URLconf "
                                  "yet"))
        search = targets.search_route()
        if search:
            wrk_targets.append(WrkTarget("Search (member)",
                                         f"{search.path()}?q={quote(SEARCH_WORD)}", True))
        pdf_routes = targets.pdf_routes()
        cold_rows = []
        for route in pdf_routes:
            name = route.route.rstrip("/").rsplit("/", 1)[-1]
            cold_rows.append(_pdf_cold(member, route, name, series, args.cold_samples))
            wrk_targets.append(WrkTarget(f"PDF {name} cached (member)",
                                         route.path(meeting_id=meeting.pk), True,
                                         content_type="application/pdf"))
        if not pdf_routes:
            rows_after += [Row("PDF cold", note="no PDF route in the URLconf yet"),
                           Row("PDF cached", note="no PDF route in the URLconf yet")]

        checked = []
        for target in wrk_targets:
            client = (secretary if target.as_secretary else member) if target.logged_in \
                else anonymous
            problem = _check(client, target)
            if problem:
                rows_after.append(Row(target.label, note=problem))
            else:
                checked.append(target)
        print(f"bench: wrk, {args.runs} runs × {args.duration} s per target and baseline, "
              f"{args.workers} connections")
        rows = _wrk_rows(wrk, base, checked, cookies, args)
        for row in rows:
            if row.label.startswith("Follow-up board"):
                row.note = editing.board_queries(board.path())
        if args.connections:
            rows.append(_load(wrk, base, public.get_absolute_url(), args))
        rows.append(_after_edit(member, meeting, args.cold_samples, expect=f"Punkt {items}:"))
        if not search:
            rows.append(Row("Search", note="no search route in the URLconf yet"))
        rows += cold_rows
        rows.append(editing.reorder(base, series[0], args.reorder_samples))
        rows += editing.editor_rows(base, series[0], args.reorder_samples)
        rows += oparl_bench.rows(wrk, base, args)
        rows.append(editing.autosave(secretary, series[0], args.autosave_samples))
        rows += feeds.rows(wrk=wrk, base=base, client=anonymous, series=series[0], args=args)
        from benchmarks import history  # issue 17's rows
        rows += history.rows(base, series[0], args.reorder_samples)
        rows += search_rows(member=member, anonymous=anonymous, samples=args.reorder_samples)
        rows += rows_after

    facts = {
        "Date": f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        "Commit": machine.git_commit(repo),
        **machine.describe(postgres_version=_postgres_version()),
        "Server": f"gunicorn {machine.package_version('gunicorn')}, {args.workers} sync "
                  f"workers, DEBUG=0, CONN_MAX_AGE={settings.DATABASES['default']['CONN_MAX_AGE']}"
                  ", PostgreSQL and gunicorn on this machine",
        "Load": f"wrk {machine.wrk_version()}, -t1 -c{args.workers}, {args.runs} runs × "
                f"{args.duration} s per target and per baseline",
        "Machine load": "load average (1, 5, 15 min) "
                        f"{' / '.join(f'{v:.1f}' for v in load_before)} at the start, "
                        f"{' / '.join(f'{v:.1f}' for v in os.getloadavg())} at the end "
                        "(the machine is shared)",
        "Data": f"{seeded.counts['series']} series, {seeded.counts['meetings']:,} meetings, "
                f"{seeded.counts['items']:,} items, {seeded.counts['attachments']:,} "
                f"attachments ({'seed reused' if seeded.reused else 'seeded'} in "
                f"{seeded.seconds:.1f} s); the measured meeting has {items} items",
    }
    method = [
        "Baseline: `/robots.txt`, a real Django view without database access, served by the "
        "same gunicorn in the same run. Each wrk run of a target directly follows a run of the "
        "baseline, so both see the same noise; every figure is the median over the runs.",
        "Median and p99 are per request, from wrk's latency distribution under "
        f"{args.workers} concurrent connections (one per worker), so they include no queueing "
        "beyond that. Req/s is the throughput of the whole server.",
        "Median × baseline: how many times slower than the trivial view (lower is better). "
        "Req/s × baseline: the fraction of the trivial view's throughput (higher is better).",
        "Rows measured with Python timers (cold PDFs, reorder) send one request at a time; "
        "their baseline is the same number of sequential `/robots.txt` requests, interleaved. "
        "A cold PDF is each time another meeting whose content was just changed, so its "
        "document is rendered afresh (parts cached apart from the meeting, such as stamped "
        "attachments, may be reused, as after a real edit). A cached PDF is the same URL again.",
        "Query counts per page are pinned in the tests (tests/test_query_counts.py), not here.",
        "The machine is shared: compare ratios between runs rather than absolute figures.",
    ]
    text = report.table(rows)
    print()
    print(text)
    (repo / "benchmarks" / "RESULTS.md").write_text(
        report.results_markdown(rows=rows, facts=facts, method=method))
    print(f"\nbench: written to benchmarks/RESULTS.md ({facts['Date']}, {facts['Commit']})")


def _check(client: Browser, target: WrkTarget) -> str:
    """'' when the target answers as a user would see it, else why not (then it is not timed:
    timing an error page would be a lie)."""
    status, body, headers = client.request(target.path)
    if status != 200:
        return f"answered {status}, not measured"
    if not headers.get("Content-Type", "").startswith(target.content_type):
        return f"answered {headers.get('Content-Type')}, not measured"
    if target.expect and target.expect not in body.decode("utf-8", "replace"):
        return f"the page lacks {target.expect!r}, not measured"
    return ""


def _wrk_rows(wrk: str, base: str, wrk_targets: list[WrkTarget], cookies: dict,
              args) -> list[Row]:
    runs = {t.label: [] for t in wrk_targets}
    baselines = {t.label: [] for t in wrk_targets}
    for round_number in range(args.runs):
        print(f"bench: wrk round {round_number + 1}/{args.runs}")
        for target in wrk_targets:
            headers = cookies[target.as_secretary] if target.logged_in else None
            options = {"duration": args.duration, "connections": args.workers,
                       "headers": headers}
            baselines[target.label].append(measure.wrk_once(wrk, base + BASELINE, **options))
            runs[target.label].append(measure.wrk_once(wrk, base + target.path, **options))
    samples = f"wrk, {args.runs}×{args.duration} s"
    return [Row(t.label, measure.combine(runs[t.label], samples),
                measure.combine(baselines[t.label], samples)) for t in wrk_targets]


def _load(wrk: str, base: str, path: str, args) -> Row:
    """The public page under many connections at once (two wrk threads, wrk's own 2 s
    time-out): the queue in front of the workers is what a busy day looks like."""
    label = f"Public meeting page, {args.connections} connections"
    print(f"bench: wrk, {args.connections} connections on {path}")
    runs, baselines = [], []
    for _ in range(max(1, args.runs // 2)):
        options = {"duration": max(args.duration, 5), "connections": args.connections,
                   "threads": 2, "timeout": "2s"}
        baselines.append(measure.wrk_once(wrk, base + BASELINE, **options))
        runs.append(measure.wrk_once(wrk, base + path, **options))
    samples = f"wrk -t2 -c{args.connections}, {len(runs)}×{max(args.duration, 5)} s"
    return Row(label, measure.combine(runs, samples), measure.combine(baselines, samples))


def _after_edit(client: Browser, meeting, samples: int, *, expect: str) -> Row:
    """The first request for the member's meeting page after each of `samples` edits to one
    of its items: nothing kept applies, the page is assembled and rendered again."""
    label = "Meeting page right after an edit (member)"
    item = AgendaItem.objects.filter(meeting=meeting).order_by("position").first()
    token = uuid.uuid4().hex[:8]
    target_ms, baseline_ms, errors = [], [], 0
    for n in range(samples):
        AgendaItem.objects.filter(pk=item.pk).update(text=f"<p>Rettelse {n} ({token}).</p>")
        started = time.perf_counter()
        client.request(BASELINE)
        baseline_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        status, body, _ = client.request(meeting.get_absolute_url())
        target_ms.append((time.perf_counter() - started) * 1000)
        errors += not (status == 200 and f"Rettelse {n} ({token})" in body.decode()
                       and expect in body.decode())
    return Row(label, measure.from_durations(target_ms, errors),
               measure.from_durations(baseline_ms, 0))


def _pdf_cold(client: Browser, route: targets.Route, name: str, series, samples: int) -> Row:
    """Each sample renders another meeting's document right after its content changed, so no
    stored rendering can answer it. Meetings the document does not exist for yet (404, e.g.
    minutes before approval) are passed over."""
    label = f"PDF {name} cold (member)"
    token = uuid.uuid4().hex[:8]
    target_ms, baseline_ms, errors, answers = [], [], 0, set()
    for meeting in (Meeting.objects.filter(series__in=series)
                    .exclude(status=Meeting.Status.DRAFT).order_by("-date")):
        if len(target_ms) >= samples:
            break
        Meeting.objects.filter(pk=meeting.pk).update(
            information=f"Mødet holdes som hybridmøde. (benchmark {token})")
        started = time.perf_counter()
        client.request(BASELINE)
        baseline = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        status, _, headers = client.request(route.path(meeting_id=meeting.pk))
        elapsed = (time.perf_counter() - started) * 1000
        answers.add(f"{status} {headers.get('Content-Type', '')}".strip())
        if status == 404:
            continue
        target_ms.append(elapsed)
        baseline_ms.append(baseline)
        errors += not (status == 200 and headers.get("Content-Type", "").startswith(
            "application/pdf"))
    if not target_ms or errors == len(target_ms):
        return Row(label, note=f"answered {', '.join(sorted(answers))}; not measured")
    return Row(label, measure.from_durations(target_ms, errors),
               measure.from_durations(baseline_ms, 0))


def _postgres_version() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return re.sub(r"\s.*", "", cursor.fetchone()[0])
