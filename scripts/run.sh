#!/usr/bin/env sh
# `make run`: the app with the demo data at http://127.0.0.1:8000, on the embedded SQLite
# default unless DATABASE_URL says otherwise. A background worker renders large PDF packs
# and converts office files to PDF.
set -eu
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/intake-setup.sh
export DEBUG="${DEBUG:-1}"
PY=.venv/bin/python
$PY manage.py migrate --noinput
$PY manage.py load_demo
$PY manage.py db_worker --no-reload >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null' EXIT INT TERM
echo "Referat: http://127.0.0.1:8000  (the worker logs to var/worker.log; stop with Ctrl-C)"
$PY manage.py runserver 127.0.0.1:8000
