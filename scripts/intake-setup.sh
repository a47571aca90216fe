#!/usr/bin/env sh
# Installs the programs Bilag intake runs, from Debian's packages, when they are missing:
#   qpdf          `qpdf --check` finds damage that pikepdf would silently repair (required)
#   LibreOffice   headless, converts office files (docx, xlsx, pptx, odt …) to PDF; without it
#                 office files are refused with that reason (optional outside CI)
# Outside CI a missing piece is reported and the tests that need it skip; in CI it is an error.
set -eu
fail() { if [ "${CI:-}" = "true" ]; then echo "intake-setup: $1" >&2; exit 1; else echo "intake-setup: $1"; exit 0; fi; }
apt_install() {
    # apt-get update only when the package lists do not know the package yet.
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 || {
        apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}
can_apt() { command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; }

if ! command -v qpdf >/dev/null 2>&1; then
    if can_apt; then
        echo "intake-setup: installing Debian's qpdf (apt)"
        apt_install qpdf || fail "could not install qpdf with apt"
    else
        fail "qpdf is not installed (Debian: apt-get install qpdf); every PDF will be refused"
    fi
fi
if ! command -v soffice >/dev/null 2>&1; then
    if can_apt; then
        echo "intake-setup: installing LibreOffice headless (apt; a few minutes the first time)"
        apt_install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui \
            fonts-crosextra-carlito || fail "could not install LibreOffice with apt"
    else
        fail "LibreOffice is not installed (Debian: libreoffice-writer-nogui, -calc-nogui, -impress-nogui); office files will be refused"
    fi
fi
