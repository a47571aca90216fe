"""Bilag intake benchmark: a 50-page PDF uploaded (the isolated check, the rewrite and the text
extraction included), the same file again (stored once), and one-page Word and Excel files
converted by LibreOffice; beside them the baselines of the same run: a trivial view
(/robots.txt) through the same test client, and the start of an empty child process.

    .venv/bin/python benchmarks/intake.py [--runs 5] [--append-to benchmarks/RESULTS.md]

Runs on an SQLite database in a temporary folder (the figures are about files, not about the
database, and no database of anyone's is touched); media goes to the same folder. Prints a
table; asserts nothing.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
PAGES = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="samples per measurement")
    parser.add_argument("--append-to", type=Path, metavar="FILE",
                        help="also append the table to FILE as Markdown (make bench: RESULTS.md)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-intake-"))
    try:
        _environment(work)
        import logging

        import django

        django.setup()
        logging.getLogger("django.tasks").setLevel(logging.WARNING)
        rows, info = _measure(args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _print(rows, info)
    if args.append_to:
        _append_markdown(args.append_to, rows, info)


def _environment(work: Path) -> None:
    os.environ.update({
        "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}", "MEDIA_ROOT": str(work / "media"),
        "DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": "benchmark-only-not-a-secret",
        "DEBUG": "0", "HTTPS": "0", "ALLOWED_HOSTS": "testserver", "LOG_LEVEL": "WARNING",
        "STATIC_MANIFEST": "0", "TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
    })


def _median(function, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _measure(runs: int):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from agendas.attachments.office import libreoffice
    from agendas.models import Attachment
    from tests.factories import make_item, make_meeting, make_series, make_user

    call_command("migrate", verbosity=0)
    secretary = make_user("bench-sekretaer")
    meeting = make_meeting(make_series(secretariat=[secretary]))
    client = Client()
    client.force_login(secretary)
    pdf = _fifty_pages()

    # An item per upload, each in a meeting of its own (the editor's answer shows the whole
    # meeting's structure), made beforehand: the figures are the intake's.
    series = meeting.series
    items = iter([make_item(make_meeting(series)) for _ in range(5 * runs + 5)])

    def upload(name: str, data: bytes, expect: str = 'data-outcome="saved"'):
        item = next(items)
        response = client.post(reverse("agendas:attachment_upload", args=[item.pk]),
                               {"files": [SimpleUploadedFile(name, data)]},
                               headers={"HX-Request": "true"})
        assert response.status_code == 200 and expect in response.content.decode(), (
            response.content.decode()[:2000])

    def robots():
        assert client.get("/robots.txt").status_code == 200

    robots()
    baseline = _median(robots, runs * 20)
    rows = [("Baseline: trivial view (/robots.txt, same client)", baseline, runs * 20, "", "")]
    spawn = _median(lambda: subprocess.run([sys.executable, "-I", "-c", "pass"], check=True),
                    runs * 2)
    rows.append(("Baseline: start of an empty child process (python -I)", spawn, runs * 2,
                 "", "the floor of an isolated check"))
    upload("varm.pdf", pdf)  # imports and caches out of the way
    seconds = _median(lambda: upload("Årsrapport.pdf", pdf), runs)
    attachment = Attachment.objects.filter(original_filename="Årsrapport.pdf").first()
    rows.append((f"Upload of a {PAGES}-page PDF ({len(pdf) // 1024} KB): check, rewrite, text",
                 seconds, runs, "< 1 s",
                 f"{len(attachment.text):,} characters of text".replace(",", ".")))
    from agendas.attachments import attachment_receive

    seconds = _median(lambda: attachment_receive(item=next(items), data=pdf,
                                                 filename="Årsrapport.pdf"), runs)
    rows.append((f"… the service alone (attachment_receive), the same {PAGES} pages", seconds,
                 runs, "", "the isolated check is most of it"))
    stored = len({a.file.name for a in Attachment.objects.filter(sha256=attachment.sha256)})
    rows.append((f"… stored files for the {2 * runs + 1} uploads of that PDF", 0.0, 0, "1",
                 f"{stored} file"))
    if libreoffice() is None:
        rows.append(("One-page .docx converted by LibreOffice", None, 0, "< 5 s",
                     "n/a: LibreOffice is not installed (scripts/intake-setup.sh)"))
    else:
        from tests.intake.office_files import excel, word

        docx = word("Socialforvaltningen forventer et mindreforbrug på 4,2 mio. kr.")
        upload("varm.docx", docx)
        seconds = _median(lambda: upload("Notat.docx", docx), runs)
        rows.append(("One-page .docx: upload, LibreOffice, check (immediate backend)", seconds,
                     runs, "< 5 s", "a fresh LibreOffice profile per conversion"))
        xlsx = excel([["Område", "Beløb"], ["Jobcenter", 1250000]])
        seconds = _median(lambda: upload("Fordeling.xlsx", xlsx), runs)
        rows.append(("One-sheet .xlsx: upload, LibreOffice, check", seconds, runs, "", ""))
    from benchmarks.machine import describe, git_commit

    info = describe(postgres_version="not used (SQLite)")
    info.pop("PostgreSQL", None)
    # The machine is shared: how busy it was says how far to trust the figures.
    load = os.getloadavg()[0]
    return rows, {**info, "Load (1 min) after the run": f"{load:.1f}", "Commit": git_commit(REPO)}


def _fifty_pages() -> bytes:
    """A report as a department sends it: 50 pages of running text in embedded fonts."""
    from documents.pdf.render import html_to_pdf

    paragraph = ("Jobcentret har i perioden haft fokus på borgere i ressourceforløb, og "
                 "indsatsen for unge under 30 år er styrket med mentorer og virksomhedsrettede "
                 "tilbud i hele Aarhus Kommune. ") * 5
    html = '<html lang="da"><body>' + "".join(
        f'<h2>Afsnit {n}</h2><p>{paragraph}</p><p>{paragraph}</p>'
        f'<p style="break-after: page">{paragraph}</p>' for n in range(1, PAGES + 1)) + (
        "</body></html>")
    return html_to_pdf(html, variant=None).pdf


def _print(rows, info) -> None:
    baseline = rows[0][1]
    print()
    print("Bilag intake benchmark — " + time.strftime("%Y-%m-%d %H:%M"))
    for key, value in info.items():
        print(f"  {key}: {value}")
    print()
    header = ("measurement", "median", "n", "× baseline", "target", "note")
    lines = [header, tuple("-" * len(h) for h in header)]
    for label, seconds, samples, target, note in rows:
        lines.append((label, _duration(seconds), str(samples or ""), _ratio(seconds, baseline),
                      target, note))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
              .rstrip())


def _append_markdown(path: Path, rows, info) -> None:
    baseline = rows[0][1]
    lines = ["", "## Bilag intake (`benchmarks/intake.py`)", "",
             f"Run {time.strftime('%Y-%m-%d %H:%M')}; "
             + "; ".join(f"{key}: {value}" for key, value in info.items()), "",
             "| Measurement | Median | Samples | × baseline | Target | Note |",
             "|---|---:|---:|---:|---|---|"]
    for label, seconds, samples, target, note in rows:
        lines.append(f"| {label} | {_duration(seconds)} | {samples or ''} | "
                     f"{_ratio(seconds, baseline)} | {target} | {note} |")
    with path.open("a", encoding="utf-8") as results:
        results.write("\n".join(lines) + "\n")


def _ratio(seconds, baseline) -> str:
    return "" if not seconds else f"{seconds / baseline:.0f}"


def _duration(seconds) -> str:
    if seconds is None:
        return "n/a"
    if not seconds:
        return ""
    if seconds < 0.01:
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


if __name__ == "__main__":
    main()
