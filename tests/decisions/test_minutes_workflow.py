"""The minutes' way to done: approved at this meeting or under the next meeting's "Punkt 2:
Referat", published, with the e-mails of both; an item not treated goes to the next meeting;
attendance and phrases are the series' and the meeting's own."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from agendas.models import AgendaItem
from decisions.models import Attendance, Decision, ItemAttendance, Phrase
from decisions.notifications import Links
from decisions.services import (
    Mark,
    attendance_update,
    follow_up_create,
    item_attendance_update,
    item_defer,
    meeting_publish,
    minutes_approve,
    phrases_digest,
    phrases_for,
    phrases_set,
    point_add,
    point_from_recommendation,
    previous_minutes_approve,
)
from meetings.models import Meeting
from tests.factories import make_attachment, make_meeting, make_recommendations, make_user

pytestmark = pytest.mark.django_db
LINKS = Links(meeting="https://referat.example/moeder/1/",
              follow_ups="https://referat.example/opfoelgninger/?mine=1")


@pytest.fixture
def march(series):
    return make_meeting(series, date=dt.date(2023, 3, 6), items=["Dagsorden", "Referat"],
                        status=Meeting.Status.MINUTES_DRAFT)


@pytest.fixture
def next_march(series):
    return make_meeting(series, date=dt.date(2023, 3, 13),
                        items=["Dagsorden", "Referat", "Bordrunde"],
                        status=Meeting.Status.AGENDA_SENT)


def test_approving_at_the_next_meetings_referat_item_records_where(march, next_march,
                                                                   secretary):
    referat = next_march.items.get(title="Referat")
    previous_minutes_approve(item=referat, by=secretary)
    march.refresh_from_db()
    assert march.status == Meeting.Status.MINUTES_APPROVED
    assert (march.minutes_approved_by, march.minutes_approved_in) == (secretary, next_march)
    assert [p.text for p in referat.decision.points.all()] == ["Referatet blev godkendt."]
    with pytest.raises(ValidationError) as refusal:
        previous_minutes_approve(item=referat, by=secretary)
    assert "intet referat" in refusal.value.messages[0]


def test_only_the_referat_item_approves_the_previous_minutes(march, next_march, secretary):
    with pytest.raises(ValidationError):
        previous_minutes_approve(item=next_march.items.get(title="Dagsorden"), by=secretary)
    march.refresh_from_db()
    assert march.status == Meeting.Status.MINUTES_DRAFT


def test_approval_emails_the_members_and_each_follow_up_owner(march, secretary, member,
                                                              django_capture_on_commit_callbacks):
    member.email, secretary.email = "mette@example.org", "mads@example.org"
    member.save(), secretary.save()
    owner = make_user("ejer", first_name="Ole", last_name="Ejer", email="ole@example.org")
    item = march.items.get(title="Dagsorden")
    point = point_add(item=item, text="Godkendt.", outcome="godkendt")
    follow_up_create(decision=point.decision, description="Ole sender planen.",
                     owner_user=owner, due_date=dt.date(2023, 4, 1))
    follow_up_create(decision=point.decision, description="FAS følger op.", owner_unit="FAS")
    with django_capture_on_commit_callbacks(execute=True):
        minutes_approve(meeting=march, by=secretary, links=LINKS)
    to = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert to == [
        ("mette@example.org", "Referat godkendt: Rådmandsmøde 6. marts 2023"),
        ("ole@example.org", "Din opfølgning fra Rådmandsmøde 6. marts 2023"),
    ]
    owners_mail = next(m for m in mail.outbox if m.to == ["ole@example.org"])
    assert "Ole sender planen." in owners_mail.body and "1. april 2023" in owners_mail.body
    assert "FAS følger op." not in owners_mail.body
    assert LINKS.follow_ups in owners_mail.body
    members_mail = next(m for m in mail.outbox if m.to == ["mette@example.org"])
    assert "FAS: FAS følger op." in members_mail.body and LINKS.meeting in members_mail.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_publish(meeting=march, by=secretary, links=LINKS)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["mette@example.org"], "Referat offentliggjort: Rådmandsmøde 6. marts 2023")]


def test_an_item_not_treated_goes_with_memo_and_bilag_to_the_next_meeting(march, next_march):
    item = AgendaItem.objects.create(meeting=march, number=3, position=3, title="Klimaplan")
    make_recommendations(item, "at rådmanden godkender klimaplanen")
    make_attachment(item, text="Klimaplan", title="Klimaplan 2023")
    copy = item_defer(item=item)
    assert copy.meeting == next_march
    # With the next free number (the agenda is sent); this series has no closing items.
    assert [(i.number, i.title) for i in next_march.items.order_by("position")] == [
        (1, "Dagsorden"), (2, "Referat"), (3, "Bordrunde"), (4, "Klimaplan")]
    assert [r.text for r in copy.recommendations.all()] == ["at rådmanden godkender klimaplanen"]
    assert [a.title for a in copy.attachments.all()] == ["Klimaplan 2023"]
    decision = Decision.objects.get(item=item)
    assert decision.moved_to == copy
    assert [(p.text, p.outcome) for p in decision.points.all()] == [
        ("Punktet blev ikke behandlet denne gang.", "ikke_behandlet")]
    with pytest.raises(ValidationError):
        item_defer(item=item)


def test_deferring_without_a_next_meeting_says_what_to_do(march):
    with pytest.raises(ValidationError) as refusal:
        item_defer(item=march.items.get(title="Referat"))
    assert "Opret det næste møde" in refusal.value.messages[0]
    assert not Decision.objects.filter(points__isnull=False).exists()


def test_a_draft_from_the_memo_answers_its_recommendation_point(march):
    item = march.items.get(title="Referat")
    [recommendation] = make_recommendations(item, "at rådmanden tager status til efterretning")
    point = point_from_recommendation(recommendation=recommendation)
    assert point.text == "Rådmanden tog status til efterretning."
    assert point.outcome == "taget_til_efterretning"
    assert list(point.answers.all()) == [recommendation]


def test_attendance_records_members_the_minute_taker_and_guests(march, member, secretary):
    away = make_user("bortrejst", first_name="Bo", last_name="Bort")
    march.series.members.add(away)
    attendance_update(meeting=march, marks=[Mark(member.pk, "present", None),
                                            Mark(away.pk, "absent", None)],
                      expected_version=march.version,
                      fields={"minute_taker": secretary, "guests": "Mia Holgaard"})
    march.refresh_from_db()
    assert (march.minute_taker, march.guests) == (secretary, "Mia Holgaard")
    assert dict(Attendance.objects.values_list("user__username", "status")) == {
        "medlem": "present", "bortrejst": "absent"}
    row = Attendance.objects.get(user=away)
    with pytest.raises(ValidationError) as refusal:  # a form from before the first save
        attendance_update(meeting=march, marks=[Mark(away.pk, "present", None)],
                          expected_version=march.version, fields={})
    assert "ændret af en anden" in refusal.value.messages[0]
    attendance_update(meeting=march, marks=[Mark(away.pk, "", row.version)],
                      expected_version=march.version, fields={})
    assert not Attendance.objects.filter(user=away).exists()
    with pytest.raises(ValidationError):
        attendance_update(meeting=march, marks=[Mark(make_user().pk, "present", None)],
                          expected_version=march.version, fields={})


def test_item_attendance_records_absence_inhabil_and_guests(march, member):
    item = march.items.get(title="Referat")
    item_attendance_update(item=item, marks=[Mark(member.pk, "inhabil", None)],
                           guests="Kristian Dalsgaard\n\n Mia Holgaard ",
                           expected_version=item.version)
    item.refresh_from_db()
    assert item.guests == "Kristian Dalsgaard\nMia Holgaard"
    assert ItemAttendance.objects.get(item=item, user=member).kind == "inhabil"


def test_approved_minutes_lock_the_attendance(march, member):
    Meeting.objects.filter(pk=march.pk).update(status=Meeting.Status.MINUTES_APPROVED)
    with pytest.raises(ValidationError) as refusal:
        attendance_update(meeting=march, marks=[Mark(member.pk, "present", None)],
                          expected_version=march.version, fields={})
    assert "Genåbn mødet" in refusal.value.messages[0]


def test_the_series_has_the_seeds_phrases_until_it_writes_its_own(series):
    defaults = phrases_for(series)
    assert [text for text, _ in defaults] == [
        "Godkendt.", "Referatet blev godkendt.", "Rådmanden tog orienteringen til efterretning.",
        "Materialet blev drøftet.", "Intet til referat.", "Intet at bemærke."]
    phrases_set(series=series, phrases=[("Godkendt.", "godkendt"), ("", "godkendt"),
                                        ("Taget til efterretning.", "taget_til_efterretning")],
                seen=phrases_digest(defaults))
    assert phrases_for(series) == [("Godkendt.", "godkendt"),
                                   ("Taget til efterretning.", "taget_til_efterretning")]
    with pytest.raises(ValidationError) as refusal:  # drawn from the defaults: stale now
        phrases_set(series=series, phrases=[("Ny.", "godkendt")], seen=phrases_digest(defaults))
    assert "ændret af en anden" in refusal.value.messages[0]
    with pytest.raises(ValidationError) as refusal:
        phrases_set(series=series, phrases=[("Ny.", "vedtaget")],
                    seen=phrases_digest(phrases_for(series)))
    assert "Vælg et udfald fra listen" in refusal.value.messages[0]
    assert Phrase.objects.filter(series=series).count() == 2
