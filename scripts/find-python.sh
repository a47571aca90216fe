#!/usr/bin/env sh
# Prints the path of a Python >= 3.12 interpreter, or fails with a message.
# Order: $PYTHON, python3.1x on PATH (newest first), python3, then pyenv's versions.
# On machines where pyenv shims exist for versions that are not selected, the
# shim fails when run, so every candidate is run once before it is chosen.
set -eu

usable() {
    "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

for candidate in ${PYTHON:-} python3.14 python3.13 python3.12 python3; do
    path=$(command -v "$candidate" 2>/dev/null) || continue
    if usable "$path"; then echo "$path"; exit 0; fi
done

pyenv_root=$( (pyenv root 2>/dev/null) || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for path in $(ls -d "$pyenv_root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
    if usable "$path"; then echo "$path"; exit 0; fi
done

echo "Referat needs Python 3.12 or newer; none was found on PATH or under pyenv ($pyenv_root)." >&2
echo "Install one (e.g. 'pyenv install 3.13') or set PYTHON=/path/to/python3.12." >&2
exit 1
