"""Each half of `make bench` works in a database of its own, derived from the URL it is
given: DATABASE_URL=postgres://…/reading gives reading_pages to the pages and reading_pdf to
the PDF benchmark, so that neither refuses what the other has seeded. Without DATABASE_URL
the defaults are bench and bench_pdf on 127.0.0.1."""

import os
from urllib.parse import urlsplit, urlunsplit

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/"


def derived_url(suffix: str, *, default_name: str) -> str:
    """DATABASE_URL with `_{suffix}` after its database name, or the default database."""
    given = os.environ.get("DATABASE_URL")
    if not given:
        return DEFAULT_SERVER + default_name
    parts = urlsplit(given)
    name = parts.path.lstrip("/") or "bench"
    return urlunsplit(parts._replace(path=f"/{name}_{suffix}"))


def ensure_database(url: str) -> None:
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
