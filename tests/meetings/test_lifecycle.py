"""The lifecycle moves one step at a time through meetings/services.py, each step recorded with
who took it; a step back only with a reason; approved minutes lock the meeting's content."""

import pytest
from django.core.exceptions import ValidationError

from agendas.services import agenda_item_update
from meetings import services
from meetings.models import Meeting
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_sending_records_who_and_when_and_freezes_the_numbers(meeting, secretary):
    services.meeting_send_agenda(meeting=meeting, by=secretary)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_SENT
    assert meeting.agenda_sent_by == secretary and meeting.agenda_sent_at is not None
    assert meeting.numbers_frozen
    step = meeting.status_changes.get()
    assert (step.from_status, step.to_status, step.by) == ("draft", "agenda_sent", secretary)


def test_a_step_cannot_be_skipped(meeting, secretary):
    with pytest.raises(ValidationError) as refusal:
        services.minutes_approve(meeting=meeting, by=secretary)
    assert "kan ikke gå direkte til »Referat godkendt«" in refusal.value.messages[0]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT


def test_reopening_approved_minutes_needs_a_reason_and_records_it(series, secretary):
    meeting = make_meeting(series, items=["Dagsorden"], status=Meeting.Status.MINUTES_APPROVED)
    with pytest.raises(ValidationError) as refusal:
        services.meeting_reopen(meeting=meeting, by=secretary, reason="  ")
    assert "Skriv, hvorfor mødet genåbnes" in refusal.value.messages[0]

    services.meeting_reopen(meeting=meeting, by=secretary, reason="Forkert dato i punkt 2")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_DRAFT
    assert meeting.minutes_approved_at is None
    step = meeting.status_changes.get()
    assert step.is_step_back and step.reason == "Forkert dato i punkt 2" and step.by == secretary
    assert meeting.history.first().history_change_reason == "Forkert dato i punkt 2"


def test_reopening_a_sent_agenda_brings_it_back_to_draft(meeting, secretary):
    services.meeting_send_agenda(meeting=meeting, by=secretary)
    services.meeting_reopen(meeting=meeting, by=secretary, reason="Sendt for tidligt")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT and meeting.agenda_sent_at is None


def test_a_draft_cannot_be_reopened(meeting, secretary):
    with pytest.raises(ValidationError) as refusal:
        services.meeting_reopen(meeting=meeting, by=secretary, reason="Prøver")
    assert "kan ikke genåbnes" in refusal.value.messages[0]


@pytest.mark.parametrize("status", [Meeting.Status.MINUTES_APPROVED, Meeting.Status.PUBLISHED])
def test_approved_minutes_refuse_changes_to_items_and_the_header(series, status):
    meeting = make_meeting(series, items=["Klimaplan"], status=status)
    item = meeting.items.get()
    with pytest.raises(ValidationError) as refusal:
        agenda_item_update(item=item, expected_version=item.version, fields={"title": "Ny"})
    assert "er godkendt" in refusal.value.messages[0]
    assert "Genåbn mødet" in refusal.value.messages[0]
    with pytest.raises(ValidationError):
        services.meeting_update(meeting=meeting, expected_version=meeting.version,
                                fields={"location": "Et andet lokale"})
    item.refresh_from_db()
    assert item.title == "Klimaplan"


def test_the_header_service_never_writes_the_status(meeting):
    with pytest.raises(ValueError):
        services.meeting_update(meeting=meeting, expected_version=meeting.version,
                                fields={"status": Meeting.Status.PUBLISHED})
