"""Exit 0 when the database in argv[1] answers within two seconds (PostgreSQL or SQLite)."""

import sys

import dj_database_url

config = dj_database_url.parse(sys.argv[1])
if config["ENGINE"].endswith("sqlite3"):
    sys.exit(0)
try:
    import psycopg

    psycopg.connect(host=config.get("HOST") or "localhost", port=config.get("PORT") or 5432,
                    user=config.get("USER") or None, password=config.get("PASSWORD") or None,
                    dbname="postgres", connect_timeout=2).close()
except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
    print(f"pg_ready: {exc}".strip(), file=sys.stderr)
    sys.exit(1)
