"""Follow-ups: who owns them, when they are due, who tracks them to done, and how a later
meeting puts them on its agenda."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from decisions.models import FollowUp
from decisions.services import (
    decision_for,
    follow_up_create,
    follow_up_schedule,
    follow_up_set_status,
    follow_up_update,
    open_follow_ups_before,
)
from meetings.models import Meeting
from tests.factories import make_meeting, make_user, unlocked

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(series):
    return make_meeting(series, date=dt.date(2023, 3, 6), items=["Klimaplan"],
                        status=Meeting.Status.MINUTES_DRAFT)


@pytest.fixture
def decision(minutes):
    from django.db import transaction

    with transaction.atomic():
        return decision_for(minutes.items.get())


def test_the_opened_date_is_the_meetings_date_unless_changed(decision):
    follow_up = follow_up_create(decision=decision, description="FAS følger op.",
                                 owner_unit="FAS")
    assert follow_up.opened_on == dt.date(2023, 3, 6)
    other = follow_up_create(decision=decision, description="Senere.", owner_unit="MØB",
                             opened_on=dt.date(2023, 3, 8))
    assert other.opened_on == dt.date(2023, 3, 8)


def test_a_follow_up_without_an_owner_is_refused_with_a_message(decision):
    with pytest.raises(ValidationError) as refusal:
        follow_up_create(decision=decision, description="Nogen følger op.", owner_unit="  ")
    assert "Vælg, hvem der følger op" in str(refusal.value)
    assert not FollowUp.objects.exists()


def test_a_follow_up_due_before_its_meeting_is_refused(decision):
    with pytest.raises(ValidationError) as refusal:
        follow_up_create(decision=decision, description="FAS følger op.", owner_unit="FAS",
                         due_date=dt.date(2023, 3, 1))
    assert "Fristen kan ikke ligge før mødet den 6. marts 2023." in str(refusal.value)
    follow_up = follow_up_create(decision=decision, description="FAS følger op.",
                                 owner_unit="FAS", due_date=dt.date(2023, 3, 6))
    with pytest.raises(ValidationError):
        follow_up_update(follow_up=follow_up, expected_version=follow_up.version,
                         fields={"due_date": dt.date(2023, 2, 1)})


def test_the_owner_and_the_secretariat_track_a_follow_up_after_approval(decision, member,
                                                                        secretary):
    follow_up = follow_up_create(decision=decision, description="Mette følger op.",
                                 owner_user=member, due_date=dt.date(2023, 4, 1))
    Meeting.objects.filter(pk=decision.item.meeting_id).update(
        status=Meeting.Status.MINUTES_APPROVED)
    follow_up_set_status(follow_up=follow_up, status="in_progress", by=member,
                         expected_version=follow_up.version)
    follow_up_set_status(follow_up=follow_up, status="done", by=secretary,
                         expected_version=follow_up.version, on=dt.date(2023, 3, 20))
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.closed_on) == ("done", dt.date(2023, 3, 20))
    follow_up_set_status(follow_up=follow_up, status="open", by=member,
                         expected_version=follow_up.version)
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.closed_on) == ("open", None)
    # Its description, though, is part of the approved minutes.
    with pytest.raises(ValidationError):
        follow_up_update(follow_up=follow_up, expected_version=follow_up.version,
                         fields={"description": "Noget andet"})


def test_someone_else_may_not_change_the_status(decision, member):
    follow_up = follow_up_create(decision=decision, description="FAS følger op.",
                                 owner_unit="FAS")
    with pytest.raises(PermissionDenied):
        follow_up_set_status(follow_up=follow_up, status="done", by=member,
                             expected_version=follow_up.version)
    with pytest.raises(PermissionDenied):
        follow_up_set_status(follow_up=follow_up, status="done", by=make_user(),
                             expected_version=follow_up.version)


def test_a_stale_status_change_is_a_conflict(decision, secretary):
    from common.models import EditConflict

    follow_up = follow_up_create(decision=decision, description="FAS følger op.",
                                 owner_unit="FAS")
    follow_up_set_status(follow_up=follow_up, status="in_progress", by=secretary,
                         expected_version=1)
    with pytest.raises(EditConflict):
        follow_up_set_status(follow_up=FollowUp.objects.get(), status="done", by=secretary,
                             expected_version=1)


def test_a_later_meeting_puts_an_open_follow_up_on_its_agenda(series, decision):
    follow_up = follow_up_create(decision=decision, description="Organisation og Ledelse "
                                 "melder tilbage.", owner_unit="Organisation og Ledelse")
    done = follow_up_create(decision=decision, description="Klaret.", owner_unit="FAS")
    with unlocked(decision.item.meeting):
        follow_up_set_status(follow_up=done, status="done", by=series.secretariat.get(),
                             expected_version=done.version)
    later = make_meeting(series, date=dt.date(2023, 3, 13), items=["Dagsorden", "Bordrunde"])
    assert list(open_follow_ups_before(later)) == [follow_up]
    assert list(open_follow_ups_before(decision.item.meeting)) == []

    follow_up_schedule(follow_up=follow_up, meeting=later)
    follow_up.refresh_from_db()
    item = follow_up.agenda_item
    assert item.meeting == later
    assert item.title == "Opfølgning: Organisation og Ledelse melder tilbage."
    assert "Ansvarlig: Organisation og Ledelse." in item.text
    with pytest.raises(ValidationError) as refusal:
        follow_up_schedule(follow_up=follow_up, meeting=later)
    assert "allerede sat på dagsordenen" in refusal.value.messages[0]
    with pytest.raises(ValidationError):
        follow_up_schedule(follow_up=done, meeting=decision.item.meeting)
