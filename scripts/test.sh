#!/usr/bin/env sh
# `make test`: the whole test suite, browser tests included.
#   Database: DATABASE_URL when set; else the PostgreSQL server on 127.0.0.1:5432 when one
#   answers; else (outside CI only) the embedded SQLite, said out loud. With CI=true and no
#   PostgreSQL it fails instead.
#   Browser: Debian's chromium (installed with apt when missing) driven by Playwright;
#   axe-core from the npm registry, pinned in tests/e2e/package-lock.json.
#   Bilag intake: Debian's qpdf and LibreOffice headless (scripts/intake-setup.sh).
#   PDFs: Debian's qpdf and poppler-utils (installed with apt when missing) check them.
set -eu
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
PY=.venv/bin/python

# The local server tried when DATABASE_URL is unset (overridable for the tests of this script).
local_pg="${LOCAL_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
if [ -z "${DATABASE_URL:-}" ]; then
    if $PY scripts/pg_ready.py "$local_pg"; then
        export DATABASE_URL="$local_pg"
    elif [ "${CI:-}" = "true" ]; then
        echo "test: CI=true but no PostgreSQL answers at $local_pg and DATABASE_URL is unset; refusing to fall back to SQLite." >&2
        exit 1
    else
        echo "test: no PostgreSQL found (set DATABASE_URL to use one); running on the embedded SQLite."
        echo "test: tests that need PostgreSQL (backup/restore, fault injection) are skipped."
    fi
fi
if [ -n "${DATABASE_URL:-}" ]; then
    $PY scripts/pg_ready.py "$DATABASE_URL" || { echo "test: the database in DATABASE_URL does not answer." >&2; exit 1; }
    echo "test: database $($PY -c 'import os,dj_database_url as d; c=d.parse(os.environ["DATABASE_URL"]); print(c["ENGINE"].rsplit(".",1)[-1], c.get("HOST") or "", c.get("PORT") or "", c["NAME"])')"
fi

scripts/browser-setup.sh
scripts/intake-setup.sh
# The cache tests run against a real Redis (Debian's redis-server; the tests start one when
# none answers on 127.0.0.1:6379).
if ! command -v redis-server >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test: installing Debian's redis-server for the cache tests"
    apt-get install -y -qq redis-server >/dev/null 2>&1 || echo "test: could not install redis-server"
fi
# docker-compose.yml is validated by Debian's docker-compose (no Docker engine runs here).
if ! command -v docker-compose >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test: installing Debian's docker-compose to validate docker-compose.yml"
    apt-get install -y -qq docker-compose >/dev/null 2>&1 || echo "test: could not install docker-compose"
fi
# The PDF tests run `qpdf --check` on every document kind (tests/documents/pdfcheck.py) and
# read stamps back with poppler's pdftotext as well as with pypdf.
for tool in qpdf:qpdf pdftotext:poppler-utils; do
    name=${tool%%:*} package=${tool#*:}
    if ! command -v "$name" >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "test: installing Debian's $package for the PDF tests"
        apt-get install -y -qq "$package" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$package" >/dev/null; } || echo "test: could not install $package"
    fi
done
exec $PY -m pytest "$@"
