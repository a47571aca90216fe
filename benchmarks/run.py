"""`make bench`: seed a large data set on PostgreSQL, serve it with gunicorn, print the table.

    .venv/bin/python benchmarks/run.py [--reseed] [--runs 5] [--duration 3]

Database: derived from DATABASE_URL when set (…/NAME gives NAME_pages), else
postgres://postgres@127.0.0.1:5432/bench; `--scale N` adds _xN (created when missing; no
other database is touched, and a database holding anyone's real meetings is refused). The
seed is reused while its row counts match; --reseed writes it again.
The server runs with production settings (DEBUG=0, a SECRET_KEY, ALLOWED_HOSTS=127.0.0.1),
but HTTPS=0 since wrk speaks plain HTTP. Media and collected static files go to
benchmarks/out/ (git-ignored). The table also goes to benchmarks/RESULTS.md.
"""

import argparse
import datetime as dt
import os
import secrets
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from benchmarks import database  # noqa: E402 - after the path

OUT = REPO / "benchmarks" / "out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reseed", action="store_true", help="write the data set again")
    parser.add_argument("--runs", type=int, default=5, help="wrk runs per target (median)")
    parser.add_argument("--duration", type=int, default=3, help="seconds per wrk run")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                        help="gunicorn sync workers (default: one per core)")
    parser.add_argument("--cold-samples", type=int, default=6,
                        help="cold PDF renders per document (each of another meeting)")
    parser.add_argument("--reorder-samples", type=int, default=20)
    parser.add_argument("--autosave-samples", type=int, default=40)
    parser.add_argument("--scale", type=int, default=1,
                        help="times the default data set (10: 500 series, 20,000 meetings, "
                             "300,000 items)")
    parser.add_argument("--connections", type=int, default=256,
                        help="connections of the load run on the public page (0: none)")
    args = parser.parse_args()

    env = _production_environment(args.scale)
    database.ensure_database(env["DATABASE_URL"])
    os.environ.update(env)
    import django

    django.setup()
    from benchmarks import suite

    suite.run(args=args, env=env, repo=REPO, out=OUT)


def _production_environment(scale: int) -> dict[str, str]:
    OUT.mkdir(exist_ok=True)
    scaled = "" if scale == 1 else f"_x{scale}"
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database.derived_url(f"pages{scaled}", default_name=f"bench{scaled}"),
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_ROOT": str(OUT / "media"),
        "STATIC_ROOT": str(OUT / "static"),
        "LOG_LEVEL": "WARNING",
    }


if __name__ == "__main__":
    print(f"bench: started {dt.datetime.now().astimezone():%Y-%m-%d %H:%M}")
    main()
