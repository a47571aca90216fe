"""The embedded SQLite default under the load of `make run`: the development server (threaded,
as `make run` starts it) and the background worker write to the one database file at the same
time. Without WAL, a busy timeout and IMMEDIATE transactions about one save in forty failed
with HTTP 500 "database is locked"; now every request must be answered, and no 500.

The test starts both processes on a fresh SQLite file of its own, as scripts/run.sh does,
keeps the worker busy with queued tasks, and has several secretaries save at once.
"""

import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.live_http import free_port, http_get, log_in

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "kode-1234-test"  # tests.factories.make_user
SETUP = """
from tests.factories import make_user, make_series, make_meeting
users = [make_user(f'sekretaer{n}') for n in range(4)]
series = make_series(secretariat=users)
meeting = make_meeting(series, items=[f'Punkt {n}' for n in range(8)])
print(meeting.pk, *meeting.items.order_by('position').values_list('pk', flat=True))
"""
# Work for the worker: tasks whose results it writes back, queued by another process.
QUEUE = """
from meetings.tasks import send_mails
for n in range({count}):
    send_mails.enqueue(subject=f'Test {{n}}', body='Indhold', recipients=['a@referat.example'])
"""


@pytest.fixture
def sqlite_app(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'referat.sqlite3'}",
           "DEBUG": "1", "VAR_DIR": str(tmp_path), "MEDIA_ROOT": str(tmp_path / "media"),
           "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
           "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
           "ALLOWED_HOSTS": "127.0.0.1", "LOG_LEVEL": "WARNING"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True,
                   timeout=300)
    ids = subprocess.run([*manage, "shell", "-c", SETUP], cwd=REPO, env=env, check=True,
                         capture_output=True, text=True, timeout=120).stdout.split()
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen([*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
                              cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    worker = subprocess.Popen([*manage, "db_worker", "--no-reload", "--interval", "0.05"],
                              cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while http_get(base + "/healthz")[0] != 200:
            assert server.poll() is None and time.monotonic() < deadline, "no server"
            time.sleep(0.2)
        yield base, env, [int(n) for n in ids[-9:]], tmp_path / "server.log"
    finally:
        for process in (server, worker):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


def test_saves_never_fail_while_the_worker_writes_to_the_same_sqlite_file(sqlite_app):
    base, env, (meeting_id, *item_ids), log = sqlite_app
    queue = subprocess.Popen([sys.executable, "manage.py", "shell", "-c",
                              QUEUE.format(count=400)], cwd=REPO, env=env)
    statuses: list[int] = []
    lock = threading.Lock()

    def secretary(number: int):
        headers = {**log_in(base, f"sekretaer{number}", PASSWORD), "HX-Request": "true"}
        mine = item_ids[number * 2:(number + 1) * 2]
        for round_ in range(15):
            for item_id in mine:
                for path, data in ((f"/punkter/{item_id}/flyt/", {"by": "-1" if round_ % 2
                                                                  else "1"}),
                                   (f"/punkter/{item_id}/noter/", {"kind": "note",
                                                                    "text": f"Note {round_}"})):
                    status, _body, _ = http_get(base + path, headers=headers,
                                                data=urllib.parse.urlencode(data).encode())
                    with lock:
                        statuses.append(status)

    threads = [threading.Thread(target=secretary, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    queue.wait(timeout=300)
    assert queue.returncode == 0, "queueing tasks failed while the server wrote"
    failed = [s for s in statuses if s >= 500 or s == 0]
    server_log = log.read_text(errors="replace")
    assert len(statuses) == 4 * 15 * 2 * 2
    assert failed == [], f"{len(failed)} of {len(statuses)} requests failed"
    assert not re.search(r"database is locked", server_log), server_log[-3000:]
    assert set(statuses) <= {200, 422}, sorted(set(statuses))
