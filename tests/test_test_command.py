"""The README's test command picks its database itself, and in CI never settles for SQLite."""

import os
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # free once the socket closes: nobody listens there


def run_test_command(**env):
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CI"}}
    environ |= {"LOCAL_POSTGRES_URL": f"postgres://postgres@127.0.0.1:{closed_port()}/test",
                **env}
    # Only collect one small module: the subject is the database choice, not the suite.
    command = ["scripts/test.sh", "--collect-only", "-q", "tests/test_configuration.py"]
    return subprocess.run(command, cwd=ROOT, env=environ, capture_output=True, text=True,
                          timeout=600, check=False)


def test_in_ci_without_postgresql_it_fails_instead_of_using_sqlite():
    result = run_test_command(CI="true")
    assert result.returncode == 1
    assert "refusing to fall back to SQLite" in result.stderr


def test_outside_ci_without_postgresql_it_runs_on_sqlite_and_says_so():
    result = run_test_command()
    assert result.returncode == 0, result.stderr
    assert "running on the embedded SQLite" in result.stdout
    assert "test_docker_compose_file_is_valid" in result.stdout


def test_a_database_url_that_does_not_answer_is_an_error_not_a_fallback():
    port = closed_port()
    result = run_test_command(DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/test")
    assert result.returncode == 1
    assert "does not answer" in result.stderr
