"""`make bench`: seed a large data set on PostgreSQL, serve it with gunicorn, print the table.

    .venv/bin/python benchmarks/run.py [--reseed] [--runs 5] [--duration 3]

Database: DATABASE_URL when set, else postgres://postgres@127.0.0.1:5432/bench (created when
missing; no other database is touched, and a database holding anyone's real meetings is
refused). The seed is reused while its row counts match; --reseed writes it again.
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
OUT = REPO / "benchmarks" / "out"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench"


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
    args = parser.parse_args()

    env = _production_environment()
    _ensure_database(env["DATABASE_URL"])
    os.environ.update(env)
    import django

    django.setup()
    from benchmarks import suite

    suite.run(args=args, env=env, repo=REPO, out=OUT)


def _production_environment() -> dict[str, str]:
    OUT.mkdir(exist_ok=True)
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_ROOT": str(OUT / "media"),
        "STATIC_ROOT": str(OUT / "static"),
        "LOG_LEVEL": "WARNING",
    }


def _ensure_database(url: str) -> None:
    """Create the benchmark database when it does not exist yet (and only that one)."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    if not config["ENGINE"].endswith("postgresql"):
        raise SystemExit("bench: the benchmarks need PostgreSQL; set DATABASE_URL to a "
                         f"postgres:// URL (got {config['ENGINE']}).")
    try:
        with psycopg.connect(host=config.get("HOST") or "localhost",
                             port=config.get("PORT") or 5432, user=config.get("USER") or None,
                             password=config.get("PASSWORD") or None, dbname="postgres",
                             connect_timeout=5, autocommit=True) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                        [config["NAME"]]).fetchone()
            if not exists:
                print(f"bench: creating database {config['NAME']}")
                connection.execute(sql.SQL("CREATE DATABASE {}").format(
                    sql.Identifier(config["NAME"])))
    except psycopg.OperationalError as error:
        raise SystemExit(f"bench: PostgreSQL does not answer: {error}".strip()) from error


if __name__ == "__main__":
    print(f"bench: started {dt.datetime.now().astimezone():%Y-%m-%d %H:%M}")
    main()
