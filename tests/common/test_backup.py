"""Backup → empty database and media folder → restore gives back every meeting, item,
decision, attachment file and history row; a restore over existing data is refused.

The data is committed (transactional_db), since pg_dump reads it through its own connection.
The restore runs in a subprocess with DATABASE_URL and MEDIA_ROOT pointing at a database this
test creates (and drops) and an empty folder, exactly as an operator would run it.
"""

import hashlib
import io
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from psycopg import sql

from agendas.models import AgendaItem, Attachment, Comment, Note
from agendas.services import agenda_items_reorder
from common.models import save_versioned
from decisions.models import Decision, DecisionPoint, FollowUp
from meetings.models import Meeting
from meetings.services import meeting_send_agenda
from tests.factories import (
    make_attachment,
    make_decision,
    make_item,
    make_meeting,
    make_memo_template,
    make_recommendations,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("backup with pg_dump needs PostgreSQL (DATABASE_URL=postgres://…)")


def _connect(dbname: str) -> psycopg.Connection:
    config = connection.settings_dict
    return psycopg.connect(host=config["HOST"] or "localhost", port=config["PORT"] or 5432,
                           user=config["USER"] or None, password=config["PASSWORD"] or None,
                           dbname=dbname, autocommit=True)


@pytest.fixture
def empty_database(postgres):
    """A database made for this test only, dropped afterwards whatever happens."""
    name = f"referat_restore_{uuid.uuid4().hex[:12]}"
    with _connect("postgres") as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield name
    finally:
        with _connect("postgres") as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))


def _database_url(name: str) -> str:
    config = connection.settings_dict
    password = f":{config['PASSWORD']}" if config["PASSWORD"] else ""
    return (f"postgres://{config['USER']}{password}@{config['HOST'] or 'localhost'}:"
            f"{config['PORT'] or 5432}/{name}")


def _manage(*args, database_url: str, media: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(media)}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def build_meetings(secretary, member, series):
    """Two meetings with everything a backup must carry, edited so that history rows exist."""
    template = make_memo_template()
    first = make_meeting(series, items=["Godkendelse af dagsorden"])
    budget = make_item(first, title="Budget 2024", memo_template=template)
    closed = make_item(first, title="Personalesag", is_closed=True)
    points = make_recommendations(budget, "at budgettet godkendes", "at sagen sendes videre")
    make_attachment(budget, text="Budgetnotat", pages=2)
    make_attachment(budget, text="Bilag om økonomi")
    make_attachment(closed, text="Fortroligt bilag", is_closed=True)
    make_decision(budget, text="<p>Rådmanden godkendte budgettet.</p>",
                  points=[("Godkendt.", "godkendt", points[:1]),
                          ("Sendes videre.", "godkendt", points[1:])],
                  follow_ups=[("FAS melder tilbage", "FAS"), ("Mads følger op", secretary)])
    Note.objects.create(item=budget, author=member, text="Spørg til side 2")
    Comment.objects.create(item=budget, author=member, text="Enig i indstillingen")
    # Edits that write history rows: a title changed, the agenda sent, the order changed.
    save_versioned(budget, expected_version=budget.version, fields={"title": "Budget 2024-27"})
    meeting_send_agenda(meeting=first)
    agenda_items_reorder(meeting=first, ordered_ids=[closed.pk, budget.pk] + [
        i.pk for i in first.items.exclude(pk__in=[closed.pk, budget.pk])])
    second = make_meeting(series, items=["Bordrunde"], status=Meeting.Status.PUBLISHED)
    make_attachment(second.items.get(), text="Offentligt bilag")


def _rows(cursor, query: str) -> list[str]:
    cursor.execute(query)
    return sorted(repr(row) for row in cursor.fetchall())  # repr: JSON columns are lists


def _history_tables() -> list[str]:
    return sorted(m._meta.db_table for m in apps.get_models() if m.__name__.startswith(
        "Historical"))


def _corrupted_copy(archive: Path, target: Path) -> None:
    """The same archive with one byte of one attachment changed (its manifest unchanged)."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as out:
        changed = False
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/") and not changed:
                data = data[:-2] + bytes([data[-2] ^ 1]) + data[-1:]
                changed = True
            out.addfile(member, io.BytesIO(data))


@pytest.mark.postgres
def test_backup_restores_into_an_empty_database_every_meeting_item_decision_file_and_history_row(
        empty_database, secretary, member, series, tmp_path):
    build_meetings(secretary, member, series)
    archive = tmp_path / "referat.tar"
    call_command("backup", str(archive), stdout=io.StringIO())
    media = tmp_path / "gendannet-media"
    url = _database_url(empty_database)

    # A damaged archive is refused before anything is written.
    damaged = tmp_path / "beskadiget.tar"
    _corrupted_copy(archive, damaged)
    result = _manage("restore", str(damaged), database_url=url, media=media)
    assert result.returncode != 0
    assert "Arkivet er beskadiget" in result.stderr

    # So is a media folder that is not empty …
    media.mkdir()
    (media / "gammel.pdf").write_bytes(b"%PDF-1.4 fra en anden installation")
    result = _manage("restore", str(archive), database_url=url, media=media)
    assert result.returncode != 0
    assert "Mediemappen" in result.stderr and "ikke tom" in result.stderr
    with _connect(empty_database) as restored:
        assert restored.execute("SELECT count(*) FROM information_schema.tables "
                                "WHERE table_schema = 'public'").fetchone()[0] == 0
    (media / "gammel.pdf").unlink()

    result = _manage("restore", str(archive), database_url=url, media=media)
    assert result.returncode == 0, result.stderr
    assert "Gendannet" in result.stdout

    # Both sides read through psycopg directly, so values (time zones included) compare alike.
    with _connect(empty_database) as restored, restored.cursor() as target, \
            _connect(connection.settings_dict["NAME"]) as original, original.cursor() as source:
        for query in [
            "SELECT id, series_id, title, date, status, version FROM meetings_meeting",
            "SELECT id, meeting_id, number, position, title, is_closed, text "
            "FROM agendas_agendaitem",
            "SELECT id, item_id, text FROM decisions_decision",
            "SELECT id, decision_id, number, text, outcome FROM decisions_decisionpoint",
            "SELECT decisionpoint_id, recommendationpoint_id FROM decisions_decisionpoint_answers",
            "SELECT id, decision_id, description, owner_user_id, owner_unit "
            "FROM decisions_followup",
            "SELECT id, item_id, file, sha256, is_closed FROM agendas_attachment",
        ]:
            assert _rows(target, query) == _rows(source, query), query
        for table in _history_tables():
            query = f"SELECT * FROM {table}"
            assert _rows(target, query) == _rows(source, query), table

        target.execute("SELECT file, sha256 FROM agendas_attachment")
        restored_files = target.fetchall()
    assert len(restored_files) == Attachment.objects.count() == 4
    for name, sha in restored_files:
        assert hashlib.sha256((media / name).read_bytes()).hexdigest() == sha
    # The history the test wrote is really there (and so was compared above).
    assert AgendaItem.history.filter(title="Budget 2024-27", history_type="~").exists()
    assert Meeting.history.filter(status=Meeting.Status.AGENDA_SENT).exists()
    assert Decision.objects.count() == 1 and DecisionPoint.objects.count() == 2
    assert FollowUp.objects.count() == 2

    # A second restore into the now filled database is refused, and changes nothing.
    again = _manage("restore", str(archive), database_url=url, media=tmp_path / "tom")
    assert again.returncode != 0
    assert "indeholder allerede Referat-tabeller" in again.stderr


@pytest.mark.postgres
def test_backup_never_overwrites_an_existing_file(postgres, tmp_path):
    archive = tmp_path / "referat.tar"
    archive.write_bytes(b"en tidligere backup")
    with pytest.raises(Exception, match="findes allerede"):
        call_command("backup", str(archive), stdout=io.StringIO())
    assert archive.read_bytes() == b"en tidligere backup"


def test_backup_and_restore_work_on_the_embedded_sqlite_database_too(tmp_path):
    """The default installation (`make run`) runs on SQLite: there the archive carries a
    consistent copy of the database file instead of a pg_dump."""
    source_db, restored_db = tmp_path / "kilde.sqlite3", tmp_path / "gendannet.sqlite3"
    source_media, restored_media = tmp_path / "kilde-media", tmp_path / "gendannet-media"
    source = {"database_url": f"sqlite:///{source_db}", "media": source_media}
    assert _manage("migrate", "--noinput", **source).returncode == 0
    created = _manage("shell", "-c", (
        "from tests.factories import make_meeting, make_item, make_attachment;"
        "m = make_meeting(items=['Bordrunde']); make_attachment(m.items.get(), text='Notat')"),
        **source)
    assert created.returncode == 0, created.stderr
    archive = tmp_path / "referat.tar.gz"
    backup = _manage("backup", str(archive), **source)
    assert backup.returncode == 0, backup.stderr

    result = _manage("restore", str(archive), database_url=f"sqlite:///{restored_db}",
                     media=restored_media)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(restored_db) as restored:
        titles = restored.execute("SELECT title FROM agendas_agendaitem").fetchall()
        (name, sha), = restored.execute("SELECT file, sha256 FROM agendas_attachment").fetchall()
    assert titles == [("Bordrunde",)]
    assert hashlib.sha256((restored_media / name).read_bytes()).hexdigest() == sha

