"""The database side of backups: pg_dump and pg_restore with the app's connection settings
(the password by environment, never on a command line), and SQLite's online copy."""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


class BackupError(Exception):
    """Why a backup or restore cannot go on, in Danish, for the operator."""


def pg_dump(target: Path, snapshot: str) -> None:
    tool = _tool("pg_dump")
    _check_client_version(tool)
    _run([tool, "--format=custom", f"--snapshot={snapshot}", f"--file={target}",
          *_pg_connection_args()], "pg_dump")


def sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even while the app writes."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def pg_restore(dump: Path) -> None:
    tool = _tool("pg_restore")
    _check_client_version(tool)
    _run([tool, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
          *_pg_connection_args(), str(dump)], "pg_restore")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(f"{name} findes ikke på denne maskine. Installér PostgreSQL's "
                          "klientværktøjer (Debian: apt-get install postgresql-client) i samme "
                          "version som databasen eller nyere.")
    return path


def _check_client_version(tool: str) -> None:
    """pg_dump/pg_restore refuse a newer server; say so in words before they do."""
    output = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    client = re.search(r"\)\s*(\d+)", output)
    connection.ensure_connection()
    server = connection.connection.info.server_version // 10000
    if client and int(client.group(1)) < server:
        raise BackupError(f"{Path(tool).name} er version {client.group(1)}, men databasen kører "
                          f"PostgreSQL {server}. Installér postgresql-client-{server} eller nyere.")


def _pg_connection_args() -> list[str]:
    settings = connection.settings_dict
    args = [f"--dbname={settings['NAME']}"]
    if settings.get("HOST"):
        args.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        args.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        args.append(f"--username={settings['USER']}")
    return args


def _pg_environment() -> dict[str, str]:
    """The password goes by environment, never on a command line others can read."""
    settings = connection.settings_dict
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    sslmode = (settings.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env


def _run(command: list[str], name: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, env=_pg_environment())
    if result.returncode != 0:
        raise BackupError(f"{name} fejlede (kode {result.returncode}): "
                          f"{result.stderr.strip() or result.stdout.strip()}")
