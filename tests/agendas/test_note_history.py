"""A private note deleted by its author takes its text out of the history too."""

import pytest
from django.urls import reverse

from agendas.models import Note
from agendas.services import agenda_item_delete, agenda_item_restore
from meetings.models import Meeting
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

TEXT = "Spørg om min kollegas sygefravær"


@pytest.fixture
def item(series):
    meeting = make_meeting(series, items=["Personalesag"], status=Meeting.Status.AGENDA_SENT)
    return meeting.items.get()


def add_note(client, item) -> Note:
    response = client.post(reverse("agendas:annotations", args=[item.pk]),
                           {"kind": "note", "text": TEXT})
    assert response.status_code == 302
    return Note.objects.get(text=TEXT)


def test_a_deleted_notes_text_leaves_its_history(client, member, item):
    client.force_login(member)
    note = add_note(client, item)
    assert Note.history.filter(id=note.pk, text=TEXT).exists()

    response = client.post(reverse("agendas:note_delete", args=[note.pk]),
                           headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert TEXT not in response.content.decode()
    assert not Note.objects.filter(pk=note.pk).exists()
    rows = Note.history.filter(id=note.pk).order_by("history_date")
    # That a note was written and deleted, by whom and when, stays; what it said does not.
    assert [(row.history_type, row.history_user, row.text) for row in rows] == [
        ("+", member, ""), ("-", member, "")]
    assert not Note.history.filter(text__contains="sygefravær").exists()


def test_deleting_a_note_blanks_only_that_notes_history(client, member, item):
    client.force_login(member)
    note = add_note(client, item)
    kept = Note.objects.create(item=item, author=member, text="En anden note")
    client.post(reverse("agendas:note_delete", args=[note.pk]))
    assert Note.history.filter(id=kept.pk, text="En anden note").exists()


def test_a_note_deleted_with_its_item_comes_back_with_it_when_that_is_undone(client, member,
                                                                             item):
    """Not the author's deletion: the text stays in the history for the undo."""
    client.force_login(member)
    note = add_note(client, item)
    item_id, meeting = item.pk, item.meeting
    agenda_item_delete(item=item)
    agenda_item_restore(meeting=meeting, item_id=item_id)
    assert Note.objects.get(pk=note.pk).text == TEXT
