#!/usr/bin/env sh
# Installs what the browser tests need, never a browser download:
#   Debian's chromium (apt) and axe-core from the npm registry (pinned by package-lock.json);
#   for the HTML validation (tests/common/test_valid_html.py) vnu-jar from the npm registry
#   (pinned there too, its install script not run: it would fetch a Java) and Debian's Java.
# Outside CI a missing piece is reported and the browser tests skip; in CI it is an error.
set -eu
cd "$(dirname "$0")/.."
fail() { if [ "${CI:-}" = "true" ]; then echo "browser-setup: $1" >&2; exit 1; else echo "browser-setup: $1 (browser tests will be skipped)"; exit 0; fi; }

if ! command -v chromium >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "browser-setup: installing Debian's chromium (apt)"
        (apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; }) || fail "could not install chromium with apt"
    else
        fail "chromium is not installed (Debian: apt-get install chromium)"
    fi
fi
if ! command -v java >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "browser-setup: installing Debian's Java for the Nu Html Checker (apt)"
        (apt-get install -y -qq default-jre-headless >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq default-jre-headless >/dev/null; }) || fail "could not install default-jre-headless with apt"
    else
        fail "java is not installed (Debian: apt-get install default-jre-headless)"
    fi
fi
if [ ! -f tests/e2e/node_modules/axe-core/axe.min.js ] || [ ! -f tests/e2e/node_modules/vnu-jar/build/dist/vnu.jar ]; then
    command -v npm >/dev/null 2>&1 || fail "npm is missing; it installs axe-core and vnu-jar"
    echo "browser-setup: installing axe-core and vnu-jar (npm ci)"
    (cd tests/e2e && npm ci --ignore-scripts --silent --no-audit --no-fund >/dev/null 2>&1) || fail "npm ci failed in tests/e2e"
fi
