"""PDF benchmark: the September 2023 demo pack cold, from cache and after an edit; synthetic
packs of 50, 100 and 200 pages with time and peak memory; a trivial WeasyPrint render as the
baseline, measured in the same run.

    .venv/bin/python benchmarks/pdf.py

Its database is its own, derived from DATABASE_URL when set (…/NAME gives NAME_pdf), else
bench_pdf on 127.0.0.1; created when missing, and one holding meetings other than the demo's
is refused. The demo data is loaded into it; everything the measurements add is rolled back.
Rendered files go to a temporary folder. Prints a table; asserts nothing.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SYNTHETIC_PAGES = (50, 100, 200)
# A synthetic item: a memo (WeasyPrint) and a 9-page attachment, so that about a tenth of
# the pages are rendered and the rest merged and stamped, as in the real packs.
ATTACHMENT_PAGES = 9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="samples per measurement")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--append-to", type=Path, metavar="FILE",
                        help="also append the table to FILE as Markdown (make bench: RESULTS.md)")
    args = parser.parse_args()
    _environment(child=bool(args.child))
    if args.child:
        _child(args.child, runs=max(1, args.runs // 2 + 1))
        return
    from benchmarks.database import ensure_database
    ensure_database(os.environ["DATABASE_URL"])
    _setup_django()
    rows, info = _measure_in_process(args.runs)
    for pages in SYNTHETIC_PAGES:
        rows.append(_synthetic(pages, args.runs))
    _print(rows, info)
    if args.append_to:
        _append_markdown(args.append_to, rows, info)


def _environment(*, child: bool) -> None:
    from benchmarks.database import derived_url

    if not child:  # a child process is given its parent's database
        os.environ["DATABASE_URL"] = derived_url("pdf", default_name="bench_pdf")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
    os.environ.setdefault("HTTPS", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="bench-pdf-static-"))  # empty
    os.environ["TASKS_BACKEND"] = "django.tasks.backends.immediate.ImmediateBackend"
    # The demo's attachment files live beside the database that refers to them (git-ignored).
    os.environ.setdefault("MEDIA_ROOT", str(REPO / "benchmarks" / "out" / "pdf-media"))


def _setup_django() -> None:
    import django
    django.setup()


def _median_seconds(function, runs: int, *, before=None) -> tuple[float, float]:
    """The median wall-clock time of `function` and its median CPU time in this process (the
    machine is shared: the CPU time moves less with what else runs)."""
    samples, cpu = [], []
    for _ in range(runs):
        if before:
            before()
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        samples.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(samples), statistics.median(cpu)


def _forget_rendered() -> None:
    from documents.models import PackJob, RenderedDocument
    PackJob.objects.all().delete()
    RenderedDocument.objects.all().delete()  # the files stay; the next render writes anew


def _measure_in_process(runs: int):
    import weasyprint
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client

    from common.richtext import text_to_html
    from documents import services
    from documents.pdf.render import html_to_pdf
    from meetings.models import Meeting

    call_command("migrate", verbosity=0)
    demo_series = {"Rådmandsmøder 2022-2025", "Social- og Beskæftigelsesudvalget"}
    foreign = Meeting.objects.exclude(series__name__in=demo_series).count()
    if foreign:
        raise SystemExit(f"bench: {connection.settings_dict['NAME']} holds {foreign} meetings "
                         "that are not the demo's; use a database of its own for this benchmark.")
    from agendas.models import Attachment
    if any(not a.file.storage.exists(a.file.name) for a in Attachment.objects.all()):
        # The database outlived its media folder: build the demo again, files included.
        Meeting.objects.all().delete()
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    rows = []
    weasyprint.HTML(string="<p>x</p>").write_pdf()  # imports and first use out of the way
    baseline, cpu = _median_seconds(
        lambda: weasyprint.HTML(string="<p>Referat</p>").write_pdf(), runs * 2)
    rows.append(("Baseline: trivial one-page WeasyPrint render", baseline, cpu, runs * 2, "",
                 ""))
    ours, cpu = _median_seconds(lambda: html_to_pdf('<html lang="da"><body><p>Referat</p>'
                                                    "</body></html>"), runs * 2)
    rows.append(("One page in our stylesheet, fonts and PDF/UA", ours, cpu, runs * 2, "", ""))

    member = User.objects.get(username="medlem")
    meeting = Meeting.objects.select_related("series").get(date="2023-09-11")
    with transaction.atomic():

        def cold():
            return services.pack_pdf(services.pack_plan(meeting=meeting, user=member))

        document = cold()  # warm: fonts subset, templates compiled
        pages = document.page_count
        cold_time, cpu = _median_seconds(cold, runs, before=_forget_rendered)
        rows.append((f"September 2023 pack, cold ({pages} pages)", cold_time, cpu, runs,
                     "< 250 ms", f"{cold_time / pages * 1000:.0f} ms/page; the minutes, two "
                     "memos and the contents render"))

        client = Client()
        client.force_login(member)
        url = f"/moeder/{meeting.pk}/samlet.pdf"

        def cached():
            response = client.get(url)
            assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
            b"".join(response.streaming_content)

        cold()
        cached()
        cached_time, cpu = _median_seconds(cached, runs * 4)
        rows.append(("September 2023 pack, served from cache (GET, logged in)", cached_time,
                     cpu, runs * 4, "< 50 ms", ""))

        item = meeting.items.get(number=3)
        section = item.memo_sections.get(title="SAGSFREMSTILLING")
        original = section.body
        edits = iter(range(1_000))

        def edit():
            section.body = original + text_to_html(f"Rettelse nummer {next(edits)}.")
            section.save(update_fields=["body"])

        edited, cpu = _median_seconds(cold, runs, before=edit)
        rows.append(("September 2023 pack after an edit to one item's memo", edited, cpu, runs,
                     "< 200 ms", "that memo renders again; the rest is stored"))
        transaction.set_rollback(True)

    info = _machine(connection)
    return rows, info


def _synthetic(pages: int, runs: int):
    """Run in a child process, so that its peak RSS (C allocations included) is its own."""
    output = subprocess.run([sys.executable, __file__, "--child", str(pages), "--runs",
                             str(runs)], capture_output=True, text=True, env=os.environ.copy())
    if output.returncode:
        raise SystemExit(f"bench: the {pages}-page child failed:\n{output.stderr[-3000:]}")
    result = json.loads(output.stdout.strip().splitlines()[-1])
    return (f"Synthetic pack, {result['pages']} pages (new child process)", result["seconds"],
            result["cpu"], result["runs"], "200 pages: < 1 s, < 200 MB",
            f"{result['seconds'] / result['pages'] * 1000:.1f} ms/page; peak RSS "
            f"{result['peak_mb']:.0f} MB (at start {result['start_mb']:.0f} MB)")


def _child(target_pages: int, runs: int) -> None:
    _setup_django()
    from django.db import transaction

    from common.richtext import text_to_html
    from documents import services
    from documents.pdf.render import html_to_pdf
    from meetings.models import Meeting, MemoTemplate
    from tests.factories import make_item, make_meeting, make_series, make_user

    start_mb = _peak_mb()
    paragraph = ("Sagsfremstillingen beskriver baggrunden for indstillingen, de økonomiske "
                 "konsekvenser og den videre proces i Sociale Forhold og Beskæftigelse. ") * 6
    appendix = html_to_pdf('<html lang="da"><body>' + "".join(
        f'<h2>Bilagets side {n}</h2><p>{paragraph}</p><p>{paragraph}</p>'
        f'<p style="break-after: page">{paragraph}</p>' for n in range(ATTACHMENT_PAGES))
        + "</body></html>", variant=None).pdf
    items = max(1, target_pages // (ATTACHMENT_PAGES + 1))
    from agendas.attachments import attachment_add
    with transaction.atomic():
        user = make_user("bench-pdf-reader")
        series = make_series(name="Benchmark-serie (syntetisk)", members=[user])
        template = MemoTemplate.objects.create(name="Benchmark A", layout="A", sections=[
            {"title": "INDSTILLING", "kind": "recommendation"},
            {"title": "SAGSFREMSTILLING", "kind": "text"},
            {"title": "BILAG", "kind": "attachments"}])
        meeting = make_meeting(series, status=Meeting.Status.AGENDA_SENT)
        for number in range(items):
            item = make_item(meeting, title=f"Syntetisk punkt {number + 1}", minutes=10,
                             memo_template=template, sending_unit="Benchmark")
            item.memo_sections.filter(title="SAGSFREMSTILLING").update(
                body=text_to_html(paragraph * 2))
            attachment_add(item=item, data=appendix, filename=f"bilag-{number}.pdf",
                           title=f"Bilag til punkt {number + 1}")
        seconds, cpu = _median_seconds(
            lambda: services.pack_pdf(services.pack_plan(meeting=meeting, user=user)), runs,
            before=_forget_rendered)
        document = services.pack_pdf(services.pack_plan(meeting=meeting, user=user))
        transaction.set_rollback(True)
    print(json.dumps({"pages": document.page_count, "seconds": seconds, "cpu": cpu, "runs": runs,
                      "peak_mb": _peak_mb(), "start_mb": start_mb}))


def _peak_mb() -> float:
    """This process's peak resident set (VmHWM), C allocations included. Not getrusage's
    ru_maxrss: Linux carries the parent's peak into a child across fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _machine(connection) -> dict[str, str]:
    from benchmarks.machine import describe, git_commit
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {**describe(postgres_version=version), "Commit": git_commit(REPO)}


def _print(rows, info) -> None:
    baseline = rows[0][1]
    print()
    print("PDF benchmark — " + time.strftime("%Y-%m-%d %H:%M"))
    for key, value in info.items():
        print(f"  {key}: {value}")
    print()
    header = ("measurement", "median", "CPU", "n", "× baseline", "target", "note")
    lines = [header, tuple("-" * len(h) for h in header)]
    for label, seconds, cpu, samples, target, note in rows:
        lines.append((label, _duration(seconds), _duration(cpu), str(samples),
                      f"{seconds / baseline:.1f}", target, note))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
              .rstrip())


def _append_markdown(path: Path, rows, info) -> None:
    baseline = rows[0][1]
    lines = ["", "## PDF documents (`benchmarks/pdf.py`)", "",
             f"Run {time.strftime('%Y-%m-%d %H:%M')}; "
             + "; ".join(f"{key}: {value}" for key, value in info.items()), "",
             "| Measurement | Median | CPU | Samples | × baseline | Target | Note |",
             "|---|---:|---:|---:|---:|---|---|"]
    for label, seconds, cpu, samples, target, note in rows:
        lines.append(f"| {label} | {_duration(seconds)} | {_duration(cpu)} | {samples} "
                     f"| {seconds / baseline:.1f} | {target} | {note} |")
    with path.open("a", encoding="utf-8") as results:
        results.write("\n".join(lines) + "\n")


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


if __name__ == "__main__":
    main()
