"""The agenda PDF as it was sent (/moeder/<id>/historik/dagsorden.pdf): built from the
history as it stood at the sending, for the series' secretariat only."""

import pytest

from agendas.services import agenda_item_update
from meetings.models import Meeting
from meetings.services import meeting_send_agenda
from tests.documents.pdftext import pdf_text
from tests.factories import make_item, make_series

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(meeting, secretary):
    item = make_item(meeting, title="Klimaplan som udsendt", text="<p>Den oprindelige tekst.</p>")
    meeting_send_agenda(meeting=meeting, by=secretary)
    agenda_item_update(item=item, expected_version=None,
                       fields={"title": "Klimaplan rettet bagefter",
                               "text": "<p>En ny tekst.</p>"})
    meeting.refresh_from_db()
    return meeting, item


def test_the_agenda_prints_as_it_was_sent(client, secretary, sent):
    meeting, _item = sent
    client.force_login(secretary)
    response = client.get(f"/moeder/{meeting.pk}/historik/dagsorden.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Klimaplan som udsendt" in text and "Den oprindelige tekst." in text
    assert "rettet bagefter" not in text and "En ny tekst." not in text
    today = " ".join(pdf_text(b"".join(client.get(
        f"/moeder/{meeting.pk}/dagsorden.pdf").streaming_content)).split())
    assert "Klimaplan rettet bagefter" in today


def test_the_item_diff_against_the_sent_version_is_one_click_from_the_badge(client, secretary,
                                                                           sent):
    meeting, item = sent
    client.force_login(secretary)
    editor = client.get(f"/moeder/{meeting.pk}/rediger/").content.decode()
    link = f"/punkter/{item.pk}/historik/sammenlign/?fra=udsendt"
    assert link in editor
    assert link in client.get(f"/moeder/{meeting.pk}/").content.decode()
    diff = client.get(link).content.decode()
    assert "<del>Klimaplan som udsendt</del>" in diff
    assert "<ins>Klimaplan rettet bagefter</ins>" in diff


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member", "other_secretary"])
def test_the_agenda_as_sent_reaches_nobody_else(client, sent, who, member, outsider):
    meeting, _item = sent
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED)
    if who == "other_secretary":
        make_series(name="Anden serie").secretariat.add(outsider)
    if who != "anonymous":
        client.force_login(member if who == "member" else outsider)
    response = client.get(f"/moeder/{meeting.pk}/historik/dagsorden.pdf")
    assert response.status_code == (403 if who == "member" else 404)
    assert b"%PDF" not in response.content


def test_a_meeting_never_sent_has_no_agenda_as_sent(client, secretary, meeting):
    client.force_login(secretary)
    assert client.get(f"/moeder/{meeting.pk}/historik/dagsorden.pdf").status_code == 404


def test_an_item_is_restored_as_it_was_sent_from_the_badges_diff(client, secretary, sent):
    meeting, item = sent
    client.force_login(secretary)
    diff = client.get(f"/punkter/{item.pk}/historik/sammenlign/?fra=udsendt").content.decode()
    assert 'name="version" value="udsendt"' in diff
    response = client.post(f"/punkter/{item.pk}/historik/gendan/",
                           {"version": "udsendt", "scope": "item"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.text) == ("Klimaplan som udsendt", "<p>Den oprindelige tekst.</p>")
    assert item.history.latest("history_date").history_change_reason.startswith(
        "Gendannet: Som udsendt")
