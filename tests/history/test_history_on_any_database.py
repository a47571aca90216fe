"""The history pages answer on the embedded SQLite of `make run` as on PostgreSQL: an item's
and a decision's difference, the comparison with the agenda as sent, an attachment's and the
meeting's difference (documents rebuilt without PostgreSQL's DISTINCT ON there)."""

import pytest

from agendas.models import AgendaItem
from agendas.services import agenda_item_update
from meetings.services import meeting_send_agenda
from tests.factories import make_attachment, make_item, make_recommendations

pytestmark = pytest.mark.django_db


def test_the_diffs_answer_with_the_old_and_new_texts(client, meeting, secretary):
    client.force_login(secretary)
    item = make_item(meeting, title="Før udsendelse", text="<p>Første tekst</p>")
    make_recommendations(item, "at sagen drøftes")
    attachment = make_attachment(item, text="Bilagstekst")
    meeting_send_agenda(meeting=meeting, by=secretary)
    item.refresh_from_db()
    agenda_item_update(item=item, expected_version=item.version,
                       fields={"title": "Efter udsendelse", "text": "<p>Anden tekst</p>"})
    token = f"i{AgendaItem.history.filter(id=item.pk).earliest('history_date').history_id}"

    for url, words in [
        (f"/punkter/{item.pk}/historik/sammenlign/", ["Efter udsendelse"]),
        (f"/punkter/{item.pk}/historik/sammenlign/?fra={token}", ["Første", "Anden"]),
        (f"/punkter/{item.pk}/historik/sammenlign/?fra=udsendt", ["Før udsendelse",
                                                                   "Efter udsendelse"]),
        (f"/bilag/{attachment.pk}/historik/sammenlign/", ["Bilagstekst"]),
        (f"/moeder/{meeting.pk}/historik/sammenlign/", []),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert all(word in body for word in words), url
