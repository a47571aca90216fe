"""`manage.py render_pdf` for batch and archive work."""

import datetime as dt
import io

import pikepdf
import pytest
from django.core.management import CommandError, call_command

from meetings.models import Meeting
from tests.documents.builders import CLOSED_TEXT, rich_meeting
from tests.documents.pdftext import pdf_text
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

DATE = dt.date(2023, 9, 11)


@pytest.fixture
def published(series):
    return rich_meeting(series, status=Meeting.Status.PUBLISHED, date=DATE)


def run(*args) -> str:
    out = io.StringIO()
    call_command("render_pdf", *args, stdout=out)
    return out.getvalue()


def test_renders_the_minutes_of_the_meeting_on_a_date(published, tmp_path):
    target = tmp_path / "referat.pdf"
    message = run("2023-09-11", "--document", "minutes", "--output", str(target))
    text = pdf_text(target.read_bytes())
    assert "Beslutning for Punkt 3: Klimaplan i MSB" not in text  # the series' short form
    assert "1) Rådmanden godkendte at klimaplanen sendes frem." in text
    assert CLOSED_TEXT in text  # the archive copy holds everything
    assert str(target) in message and "sider" in message


def test_public_archive_pack_by_id_in_pdf_a(published, tmp_path):
    target = tmp_path / "samlet.pdf"
    run(str(published.pk), "--document", "pack", "--public", "--variant", "pdf/a-3b",
        "--output", str(target))
    text = pdf_text(target.read_bytes())
    assert "Punkt 3, Bilag 1: Bilag 1 - Økonomisk fordeling" in text
    assert CLOSED_TEXT not in text


def test_agenda_in_pdf_a_declares_itself_an_archive_file(published, tmp_path):
    target = tmp_path / "dagsorden.pdf"
    run(str(published.pk), "--document", "agenda", "--variant", "pdf/a-3b",
        "--output", str(target))
    with pikepdf.open(target) as pdf, pdf.open_metadata() as meta:
        assert meta.pdfa_status == "3B"
    assert "side 1 af" in pdf_text(target.read_bytes())


def test_no_meeting_on_the_date_is_a_clear_error(published, tmp_path):
    with pytest.raises(CommandError, match="Intet møde den 12-09-2023"):
        run("2023-09-12", "--document", "agenda", "--output", str(tmp_path / "x.pdf"))


def test_several_meetings_on_the_date_ask_for_an_id(published, series, tmp_path):
    other = make_meeting(series, date=DATE, start_time=dt.time(14, 0), end_time=dt.time(15, 0))
    with pytest.raises(CommandError, match=rf"2 møder den 11-09-2023.*{other.pk}"):
        run("2023-09-11", "--document", "agenda", "--output", str(tmp_path / "x.pdf"))


@pytest.mark.parametrize("value,message", [
    ("999999", "Intet møde med id 999999"),
    ("11-09-2023", "hverken et mødes id eller en dato"),
    ("2023-02-30", "ikke en gyldig dato"),
])
def test_bad_meeting_argument_is_a_clear_error(value, message, tmp_path):
    with pytest.raises(CommandError, match=message):
        run(value, "--document", "agenda", "--output", str(tmp_path / "x.pdf"))


def test_minutes_of_a_meeting_without_them_is_an_error(series, tmp_path):
    meeting = make_meeting(series, status=Meeting.Status.AGENDA_SENT)
    with pytest.raises(CommandError, match="intet godkendt referat"):
        run(str(meeting.pk), "--document", "minutes", "--output", str(tmp_path / "x.pdf"))


def test_public_version_of_an_unpublished_meeting_is_an_error(series, tmp_path):
    meeting = make_meeting(series, status=Meeting.Status.MINUTES_APPROVED)
    with pytest.raises(CommandError, match="ikke offentliggjort"):
        run(str(meeting.pk), "--document", "agenda", "--public",
            "--output", str(tmp_path / "x.pdf"))


def test_renders_one_memo_and_the_minutes_in_a_chosen_form(published, tmp_path):
    memo = tmp_path / "indstilling.pdf"
    run(str(published.pk), "--document", "memo", "--item", "3", "--output", str(memo))
    assert "SAGSFREMSTILLING" in pdf_text(memo.read_bytes())
    minutes = tmp_path / "referat.pdf"
    run(str(published.pk), "--document", "minutes", "--form", "with_agenda",
        "--output", str(minutes))
    assert "Beslutning for Punkt 3: Klimaplan i MSB" in pdf_text(minutes.read_bytes())
    with pytest.raises(CommandError, match="Punkt 1 har ingen indstilling"):
        run(str(published.pk), "--document", "memo", "--item", "1",
            "--output", str(tmp_path / "x.pdf"))
