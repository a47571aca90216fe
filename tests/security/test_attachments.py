"""Attachments reach readers only through the permission-checked view, never as raw media."""

import pytest
from django.conf import settings
from django.urls import reverse

from meetings.models import Meeting
from tests.factories import make_attachment, make_item, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_meeting(series):
    return make_meeting(series, status=Meeting.Status.AGENDA_SENT)


@pytest.fixture
def attachment(sent_meeting):
    item = make_item(sent_meeting, title="Klimaplan i MSB")
    return make_attachment(item, text="Klimaplan", filename="Klimaplan.pdf")


@pytest.fixture
def published_meeting(series):
    return make_meeting(series, status=Meeting.Status.PUBLISHED)


def _download(client, attachment, **params):
    return client.get(reverse("agendas:attachment", args=[attachment.pk]), params)


def test_media_files_are_not_served_at_the_media_url(client, member, attachment):
    client.force_login(member)
    assert attachment.file.storage.exists(attachment.file.name)

    response = client.get(settings.MEDIA_URL + attachment.file.name)

    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_member_opens_an_attachment_inline_as_a_pdf_that_is_not_sniffed(client, member,
                                                                        attachment):
    client.force_login(member)
    response = _download(client, attachment)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="Klimaplan.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_member_downloads_an_attachment_as_a_file(client, member, attachment):
    client.force_login(member)
    response = _download(client, attachment, hent="1")

    assert response["Content-Disposition"] == 'attachment; filename="Klimaplan.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]


def test_attachment_of_a_meeting_not_yet_public_is_404_for_outsiders_and_anonymous(
        client, outsider, attachment):
    assert _download(client, attachment).status_code == 404
    client.force_login(outsider)
    assert _download(client, attachment).status_code == 404


def test_closed_attachment_of_a_published_meeting_is_only_for_the_series(
        client, member, outsider, published_meeting):
    item = make_item(published_meeting, title="Budget")
    open_one = make_attachment(item, text="Budget")
    closed_one = make_attachment(item, text="Personsager", is_closed=True)

    assert _download(client, open_one).status_code == 200
    assert _download(client, closed_one).status_code == 404
    client.force_login(outsider)
    assert _download(client, closed_one).status_code == 404
    client.force_login(member)
    assert _download(client, closed_one).status_code == 200


def test_attachment_of_a_closed_item_is_not_public_even_when_the_attachment_is_open(
        client, published_meeting):
    item = make_item(published_meeting, title="Personalesag", is_closed=True)
    attachment = make_attachment(item, text="Sagsakter")

    assert _download(client, attachment).status_code == 404


def test_attachment_view_refuses_other_methods(client, member, attachment):
    client.force_login(member)

    assert client.post(reverse("agendas:attachment", args=[attachment.pk])).status_code == 405
