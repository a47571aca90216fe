#!/usr/bin/env sh
# Creates .venv with a Python >= 3.12 and installs the pinned dependencies
# (requirements/dev.txt, compiled from pyproject.toml). Re-running is cheap: it reinstalls
# only when the lock file changed. Also installs the system libraries WeasyPrint needs
# when they are missing and apt-get is available.
set -eu
cd "$(dirname "$0")/.."

lock=requirements/dev.txt
stamp=".venv/.installed-$(sha256sum "$lock" | cut -c1-16)"

if [ -x .venv/bin/python ] && ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    echo "bootstrap: .venv has an old Python; recreating it"
    rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
    python=$(scripts/find-python.sh)
    echo "bootstrap: creating .venv with $python ($("$python" --version))"
    "$python" -m venv .venv
fi
if [ ! -f "$stamp" ]; then
    echo "bootstrap: installing pinned dependencies from $lock"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$lock"
    rm -f .venv/.installed-*
    touch "$stamp"
fi

# WeasyPrint draws with Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0).
if ! .venv/bin/python -c 'import weasyprint' >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "bootstrap: installing Pango for WeasyPrint (apt)"
        apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null
    else
        echo "bootstrap: WeasyPrint cannot load Pango; install libpango-1.0-0 and libpangoft2-1.0-0" >&2
        exit 1
    fi
fi
mkdir -p var
