"""The admin obeys the write side's rules: the lifecycle only as actions, read-only status,
approved minutes read-only with the reason, answers from the item's own points, and dates typed
as Referat shows them."""

import pytest
from django.contrib.auth.models import Permission

from agendas.services import recommendation_points_set
from decisions.services import decision_create, decision_point_create
from meetings.models import Meeting
from tests.factories import make_meeting, make_series
from tests.meetings.test_admin_edits import change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(secretary, client):
    secretary.is_staff = True
    secretary.save()
    secretary.user_permissions.set(Permission.objects.filter(
        content_type__app_label__in=["meetings", "agendas", "decisions"]))
    client.force_login(secretary)
    return secretary


def test_the_status_cannot_be_typed_in_the_admin(client, staff, meeting):
    response = client.post(f"/admin/meetings/meeting/{meeting.pk}/change/",
                           change_form_data(meeting, status="published", location="Lokale 2"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.location == "Lokale 2" and meeting.status == Meeting.Status.DRAFT


def test_a_date_typed_as_referat_shows_it_is_accepted(client, staff, meeting):
    response = client.post(f"/admin/meetings/meeting/{meeting.pk}/change/",
                           change_form_data(meeting, date="04-09-2023", start_time="11.00"))
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting.refresh_from_db()
    assert f"{meeting.date:%d-%m-%Y} {meeting.start_time:%H:%M}" == "04-09-2023 11:00"
    page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert 'value="04-09-2023"' in page


def test_sending_the_agenda_is_an_admin_action_recorded_with_the_user(client, staff, meeting):
    response = client.post("/admin/meetings/meeting/", {
        "action": "send_agenda", "_selected_action": [meeting.pk]}, follow=True)
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_SENT
    assert meeting.status_changes.get().by == staff


def test_reopening_in_the_admin_asks_for_a_reason(client, staff, series):
    meeting = make_meeting(series, items=["Dagsorden"], status=Meeting.Status.PUBLISHED)
    asked = client.post("/admin/meetings/meeting/", {"action": "reopen",
                                                     "_selected_action": [meeting.pk]})
    assert "Begrundelse" in asked.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PUBLISHED
    client.post("/admin/meetings/meeting/", {"action": "reopen", "_selected_action": [meeting.pk],
                                             "apply": "1", "reason": "Fejl i punkt 3"})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_DRAFT
    assert meeting.status_changes.get().reason == "Fejl i punkt 3"


def test_an_item_of_approved_minutes_is_read_only_in_the_admin_and_says_why(client, staff,
                                                                             series):
    meeting = make_meeting(series, items=["Klimaplan"], status=Meeting.Status.MINUTES_APPROVED)
    item = meeting.items.get()
    page = client.get(f"/admin/agendas/agendaitem/{item.pk}/change/").content.decode()
    assert "er godkendt" in page and "Genåbn mødet" in page
    response = client.post(f"/admin/agendas/agendaitem/{item.pk}/change/",
                           {"meeting": meeting.pk, "title": "Ændret", "expected_version": 1})
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.title == "Klimaplan"


def test_the_admin_refuses_a_decision_point_answering_another_meetings_point(client, staff,
                                                                             meeting, series):
    item = meeting.items.first()
    other = make_meeting(series, items=["Andet"]).items.get()
    [foreign] = recommendation_points_set(item=other, texts=["at noget andet godkendes"])
    decision = decision_create(item=item)
    point = decision_point_create(decision=decision, text="Godkendt.", outcome="godkendt")
    response = client.post(f"/admin/decisions/decisionpoint/{point.pk}/change/", {
        "decision": decision.pk, "number": 1, "text": "Godkendt.", "outcome": "godkendt",
        "answers": [foreign.pk], "expected_version": point.version})
    assert response.status_code == 200
    assert "kun svare på indstillingspunkter fra sit eget punkt" in response.content.decode()
    assert not point.answers.exists()


def test_a_secretary_sees_only_the_own_series_decisions_points_offered(client, staff, meeting):
    other = make_meeting(make_series(name="Direktionen"), items=["Personalesag"]).items.get()
    recommendation_points_set(item=other, texts=["at medarbejderen afskediges"])
    item = meeting.items.first()
    recommendation_points_set(item=item, texts=["at klimaplanen godkendes"])
    decision = decision_create(item=item)
    page = client.get(f"/admin/decisions/decision/{decision.pk}/change/").content.decode()
    assert "at medarbejderen afskediges" not in page


def test_the_admin_edits_rich_text_as_the_editor_does(client, staff, meeting):
    """Plain text typed with blank lines keeps its paragraphs, and "&" stays "&"."""
    from agendas.models import AgendaItem

    item = meeting.items.first()
    page = client.get(f"/admin/agendas/agendaitem/{item.pk}/change/").content.decode()
    assert 'data-richtext' in page and "trix-2.1.19.umd.min.js" in page
    response = client.post(f"/admin/agendas/agendaitem/{item.pk}/change/", {
        "meeting": meeting.pk, "title": item.title, "method": "", "expected_version": 1,
        "text": "Budget & regnskab\n\nAndet afsnit", "text__format": "text",
        **{f"{prefix}-{key}": "0" for prefix in ("sub_items", "recommendations",
                                                  "memo_sections", "attachments")
           for key in ("TOTAL_FORMS", "INITIAL_FORMS")}})
    assert response.status_code == 302, response.content.decode()[:3000]
    item = AgendaItem.objects.get(pk=item.pk)
    assert item.text == "<p>Budget &amp; regnskab</p><p>Andet afsnit</p>"
    again = client.get(f"/admin/agendas/agendaitem/{item.pk}/change/").content.decode()
    assert "Budget &amp; regnskab\n\nAndet afsnit</textarea>" in again
