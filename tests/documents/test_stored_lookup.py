"""A stored PDF is found from the request alone: the meeting, its content version, the kind
of document, variant, language and class of viewer. Asked again it costs two cheap queries
(and the reader's session and roles), a 304 when the browser has it; after an edit the new
version is made, and one class of viewers is never answered with another's document."""

import pytest
from django.test import Client

from common.richtext import text_to_html
from documents.models import DocumentIndex, RenderedDocument
from meetings.models import Meeting
from tests.documents.builders import rich_meeting
from tests.documents.pdftext import pdf_text
from tests.factories import make_user

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore:No directory at:UserWarning")]


@pytest.fixture
def published(series):
    return rich_meeting(series, status=Meeting.Status.PUBLISHED)


def pdf(client, url, **headers):
    response = client.get(url, headers=headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@pytest.mark.parametrize("document", ["dagsorden.pdf", "referat.pdf", "samlet.pdf"])
def test_a_stored_document_costs_the_meeting_and_one_row(
        published, member, django_assert_num_queries, document):
    url = f"/moeder/{published.pk}/{document}"
    anonymous, reader = Client(), Client()
    reader.force_login(member)
    for client in (anonymous, reader):
        first, body = pdf(client, url)
        assert first.status_code == 200 and body.startswith(b"%PDF")
    # 1 the meeting (visible? which version?), 2 the stored document for that version
    with django_assert_num_queries(2):
        again, body = pdf(anonymous, url)
    assert again.status_code == 200 and body.startswith(b"%PDF")
    # The same, after 1 session, 2 user and 3 the reader's series
    with django_assert_num_queries(5):
        assert pdf(reader, url)[0].status_code == 200


def test_the_browser_copy_is_confirmed_with_304(published, member):
    client = Client()
    client.force_login(member)
    url = f"/moeder/{published.pk}/dagsorden.pdf"
    etag = pdf(client, url)[0]["ETag"]
    response, body = pdf(client, url, if_none_match=etag)
    assert response.status_code == 304 and body == b""


def test_after_an_edit_the_next_request_gets_the_new_version(published, member):
    client = Client()
    client.force_login(member)
    url = f"/moeder/{published.pk}/dagsorden.pdf"
    etag = pdf(client, url)[0]["ETag"]
    item = published.items.get(number=1)
    item.text = text_to_html("Tilføjet efter udsendelsen.")
    item.save()
    response, body = pdf(client, url, if_none_match=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    assert "Tilføjet efter udsendelsen." in pdf_text(body)


def test_one_class_of_viewers_never_gets_anothers_document(published, member, outsider,
                                                          secretary):
    from tests.documents.builders import CLOSED_TEXT

    url = f"/moeder/{published.pk}/dagsorden.pdf"
    inside = Client()
    inside.force_login(member)
    assert CLOSED_TEXT in pdf_text(pdf(inside, url)[1])
    for client in (Client(), _logged_in(outsider)):
        assert CLOSED_TEXT not in pdf_text(pdf(client, url)[1])
        assert CLOSED_TEXT not in pdf_text(pdf(client, url)[1])  # from the index too
    audiences = set(DocumentIndex.objects.filter(meeting=published)
                    .values_list("audience", flat=True))
    assert audiences == {"member", "public", "outsider"}


def test_a_pack_with_notes_is_the_readers_own(published, member):
    other = make_user("medlem-to")
    published.series.members.add(other)
    from agendas.models import Note

    Note.objects.create(item=published.items.get(number=1), author=member, text="Mettes note")
    url = f"/moeder/{published.pk}/samlet.pdf?noter=1"
    assert "Mettes note" in pdf_text(pdf(_logged_in(member), url)[1])
    assert "Mettes note" not in pdf_text(pdf(_logged_in(other), url)[1])
    assert "Mettes note" in pdf_text(pdf(_logged_in(member), url)[1])


def test_a_document_found_the_long_way_is_kept_as_current(published, member):
    client = _logged_in(member)
    pdf(client, f"/moeder/{published.pk}/dagsorden.pdf")
    published.refresh_from_db()
    assert set(RenderedDocument.objects.values_list("content_version", flat=True)) == {
        published.content_version}


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
