"""Members annotate items: private notes only their author sees, comments shared in the series."""

import pytest

from agendas.models import Comment, Note
from meetings.models import Meeting
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(series):
    meeting = make_meeting(series, items=["Klimaplan i MSB"], status=Meeting.Status.AGENDA_SENT)
    return meeting.items.get()


def url(item):
    return f"/punkter/{item.pk}/noter/"


def test_a_member_adds_a_private_note_that_only_they_see(client, member, secretary, item):
    client.force_login(member)
    response = client.post(url(item), {"kind": "note", "text": "Spørg til cykelgodtgørelsen"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Spørg til cykelgodtgørelsen" in response.content.decode()
    assert "<html" not in response.content.decode()  # the fragment only
    assert Note.objects.get().author == member

    client.force_login(secretary)
    page = client.get(item.meeting.get_absolute_url()).content.decode()
    assert "Spørg til cykelgodtgørelsen" not in page


def test_a_shared_comment_is_seen_by_the_series_secretariat(client, member, secretary, item):
    client.force_login(member)
    client.post(url(item), {"kind": "comment", "text": "Kan vi få tal for 2022?"})
    client.force_login(secretary)
    page = client.get(item.meeting.get_absolute_url()).content.decode()
    assert "Kan vi få tal for 2022?" in page
    assert Comment.objects.get().author == member


def test_an_empty_note_gets_a_danish_message_and_nothing_is_saved(client, member, item):
    client.force_login(member)
    response = client.post(url(item), {"kind": "note", "text": "   "},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Skriv en note, før du gemmer." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Note.objects.exists()


def test_a_too_long_comment_is_refused_and_its_text_is_kept_for_the_user(client, member, item):
    client.force_login(member)
    text = "x" * 5001
    response = client.post(url(item), {"kind": "comment", "text": text},
                           headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "En kommentar kan højst være 5000 tegn" in body
    assert text in body
    assert not Comment.objects.exists()


def test_an_unknown_kind_is_a_400_with_a_danish_message(client, member, item):
    client.force_login(member)
    response = client.post(url(item), {"kind": "bogmærke", "text": "x"})
    assert response.status_code == 400
    assert "Angiv, om du vil gemme en note eller en kommentar." in response.content.decode()


def test_a_plain_form_post_redirects_back_to_the_item(client, member, item):
    client.force_login(member)
    response = client.post(url(item), {"kind": "note", "text": "Husk bilag 2"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#punkt-{item.number}")


def test_outsiders_get_404_and_anonymous_users_are_sent_to_log_in(client, outsider, item):
    assert client.get(url(item)).status_code == 302
    client.force_login(outsider)
    assert client.post(url(item), {"kind": "note", "text": "x"}).status_code == 404
    assert not Note.objects.exists()


def test_a_member_deletes_their_own_note_but_not_someone_elses(client, member, secretary, item):
    mine = Note.objects.create(item=item, author=member, text="min")
    theirs = Note.objects.create(item=item, author=secretary, text="deres")
    client.force_login(member)
    assert client.post(f"/noter/{theirs.pk}/slet/").status_code == 404
    assert client.post(f"/noter/{mine.pk}/slet/", headers={"HX-Request": "true"}).status_code == 200
    assert list(Note.objects.all()) == [theirs]
    assert client.get(f"/noter/{theirs.pk}/slet/").status_code in (404, 405)
