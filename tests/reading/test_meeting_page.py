"""The meeting page: the agenda in the order of treatment, and only what the reader may see."""

import re

import pytest

from agendas.services import agenda_items_reorder
from decisions.models import Decision, DecisionPoint
from meetings.models import Meeting
from meetings.services import meeting_send_agenda
from tests.factories import make_attachment, make_item, make_meeting

pytestmark = pytest.mark.django_db


def headings(html):
    return re.findall(r"Punkt (\d+): ([^<(]+?)\s*(?:<|\()", html)


def test_items_are_listed_in_the_order_of_treatment_with_their_numbers(client, member, series):
    meeting = make_meeting(series, items=["Dagsorden", "Referat", "Temadrøftelse", "Opfølgning"])
    meeting_send_agenda(meeting=meeting)
    ids = list(meeting.items.order_by("position").values_list("pk", flat=True))
    agenda_items_reorder(meeting=meeting, ordered_ids=[ids[0], ids[1], ids[3], ids[2]])
    client.force_login(member)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert headings(html)[:4] == [("1", "Dagsorden"), ("2", "Referat"), ("4", "Opfølgning"),
                                  ("3", "Temadrøftelse")]


def test_the_public_sees_a_closed_item_as_lukket_punkt_with_its_title_only(client, series):
    meeting = make_meeting(series, items=["Dagsorden"], status=Meeting.Status.PUBLISHED)
    make_item(meeting, title="Personalesag", is_closed=True, text="<p>Fortrolig tekst</p>")
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Personalesag" in html
    assert "Lukket punkt" in html
    assert "Fortrolig tekst" not in html


def test_members_read_closed_items_and_closed_attachments_of_their_series(client, member,
                                                                           series):
    meeting = make_meeting(series, status=Meeting.Status.PUBLISHED)
    item = make_item(meeting, title="Personalesag", is_closed=True, text="<p>Fortrolig tekst</p>")
    open_item = make_item(meeting, title="Klimaplan")
    make_attachment(open_item, text="Intern fordeling", is_closed=True)
    anonymous_html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Intern fordeling" not in anonymous_html
    client.force_login(member)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Fortrolig tekst" in html
    assert "Intern fordeling" in html
    assert item.title in html


def test_a_member_of_another_series_gets_404_on_an_unpublished_meeting(client, outsider, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.AGENDA_SENT)
    client.force_login(outsider)
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 404
    assert "Siden findes ikke, eller du har ikke adgang til den." in response.content.decode()
    assert meeting.series.name not in response.content.decode()


def test_members_do_not_see_drafts_but_the_secretariat_does(client, member, secretary, meeting):
    client.force_login(member)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    client.force_login(secretary)
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_decisions_reach_members_only_once_the_minutes_are_approved(client, member, series):
    meeting = make_meeting(series, items=["Dagsorden"], status=Meeting.Status.MINUTES_DRAFT)
    decision = Decision.objects.create(item=meeting.items.get())
    DecisionPoint.objects.create(decision=decision, number=1, text="Godkendt med ændringer.",
                                 outcome=DecisionPoint.Outcome.GODKENDT)
    client.force_login(member)
    assert "Godkendt med ændringer." not in client.get(meeting.get_absolute_url()).content.decode()
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.MINUTES_APPROVED)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Beslutning for Punkt 1: Dagsorden" in html
    assert "Godkendt med ændringer." in html


def test_the_meeting_list_filters_by_series_with_htmx_and_refuses_an_unknown_series(
        client, member, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.AGENDA_SENT)
    client.force_login(member)
    full = client.get("/").content.decode()
    assert meeting.series.name in full
    fragment = client.get(f"/?serie={meeting.series_id}", headers={"HX-Request": "true"})
    assert 'id="meeting-results"' in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    assert client.get("/?serie=999999").status_code == 404
    ignored = client.get("/?serie=abc")
    assert ignored.status_code == 200, "not a series id: ignored, with a message"
    assert "Filteret »abc« er ikke en mødeserie" in ignored.content.decode()
    assert meeting.series.name in ignored.content.decode()
