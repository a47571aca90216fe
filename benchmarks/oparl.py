"""The OParl API's list pages (issue 16), anonymous, beside the /robots.txt baseline: the
first page of the meeting list (20 meetings with their items and Bilag inside) and of the
agenda-item list (100 items with their Bilag and decisions). `rows()` is called from
suite.py; run alone for a focused measurement on a database of its own:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python benchmarks/oparl.py

(NAME is used as it is, seeded like `make bench` when empty; --runs, --duration, --workers.)
"""

import argparse
import json
import os
import sys
import urllib.request
from pathlib import Path

TARGETS = [
    ("OParl meeting list, page 1 (anonymous)", "/oparl/v1/body/meetings/"),
    ("OParl agenda-item list, page 1 (anonymous)", "/oparl/v1/body/agenda-items/"),
]
BASELINE = "/robots.txt"


def rows(wrk: str, base: str, args) -> list:
    from benchmarks import measure
    from benchmarks.report import Row

    result = []
    for label, path in TARGETS:
        problem = _check(base + path)
        if problem:
            result.append(Row(label, note=problem))
            continue
        runs, baselines = [], []
        for _ in range(args.runs):
            options = {"duration": args.duration, "connections": args.workers}
            baselines.append(measure.wrk_once(wrk, base + BASELINE, **options))
            runs.append(measure.wrk_once(wrk, base + path, **options))
        samples = f"wrk, {args.runs}×{args.duration} s"
        result.append(Row(label, measure.combine(runs, samples),
                          measure.combine(baselines, samples)))
    return result


def _check(url: str) -> str:
    """'' when the list answers a full JSON page, else why it is not timed."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            page = json.loads(response.read())
            content_type = response.headers.get("Content-Type", "")
    except Exception as error:  # noqa: BLE001 - reported in the row, not raised
        return f"answered {error}, not measured"
    if not content_type.startswith("application/json") or not page.get("data"):
        return "not a full OParl list page, not measured"
    return ""


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(repo))
    from benchmarks import run

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--duration", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    env = {**run._production_environment(1), "DATABASE_URL": os.environ["DATABASE_URL"]}
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from benchmarks import measure, report, seed
    from benchmarks.server import gunicorn

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    seeded = seed.ensure_seed(log=lambda line: print(f"bench: {line}"))
    print(f"bench: {seeded.counts}")
    with gunicorn(repo=repo, env=env, workers=args.workers,
                  log=run.OUT / "gunicorn-oparl.log") as base:
        table = report.table(rows(measure.ensure_wrk(), base, args))
    print(table)


if __name__ == "__main__":
    main()
