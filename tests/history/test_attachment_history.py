"""A Bilag's old files stay retrievable from its history, by the series' secretariat alone."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from agendas.models import Attachment
from meetings.models import Meeting
from tests.factories import make_attachment, make_item, make_series, pdf_bytes

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _content(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def replaced(client, secretary, meeting):
    """A Bilag whose first file (text "Udkast") was replaced by a second ("Endelig")."""
    client.force_login(secretary)
    item = make_item(meeting, title="Klimaplan")
    attachment = make_attachment(item, text="Udkast", title="Klimaplan")
    old_file = attachment.file.name
    first = Attachment.history.filter(id=attachment.pk).latest("history_date").history_id
    response = client.post(f"/bilag/{attachment.pk}/rediger/", {
        "title": "Klimaplan", "version": attachment.version,
        "file": SimpleUploadedFile("ny.pdf", pdf_bytes("Endelig", 2), "application/pdf")},
        **HTMX)
    assert response.status_code == 200
    attachment.refresh_from_db()
    assert attachment.file.name != old_file
    client.logout()
    return attachment, f"b{first}", old_file


def test_the_replaced_file_is_fetched_from_the_history(client, secretary, replaced):
    attachment, first, old_file = replaced
    client.force_login(secretary)
    page = client.get(f"/bilag/{attachment.pk}/historik/").content.decode()
    assert f"/bilag/{attachment.pk}/historik/fil/?version={first}" in page
    response = client.get(f"/bilag/{attachment.pk}/historik/fil/?version={first}")
    assert response.status_code == 200
    with attachment.file.storage.open(old_file, "rb") as handle:
        assert _content(response) == handle.read()


def test_a_removed_bilag_keeps_its_history_and_its_file(client, secretary, replaced):
    attachment, first, _old = replaced
    client.force_login(secretary)
    assert client.post(f"/bilag/{attachment.pk}/slet/", **HTMX).status_code == 200
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    page = client.get(f"/bilag/{attachment.pk}/historik/")
    assert page.status_code == 200 and "Slettet" in page.content.decode()
    assert client.get(f"/bilag/{attachment.pk}/historik/fil/?version={first}").status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member", "other_secretary"])
def test_old_files_reach_nobody_else(client, replaced, who, request, member, outsider):
    attachment, first, _old = replaced
    Meeting.objects.filter(pk=attachment.item.meeting_id).update(
        status=Meeting.Status.PUBLISHED)
    if who == "other_secretary":
        other = make_series(name="Anden serie")
        other.secretariat.add(outsider)
        client.force_login(outsider)
    elif who != "anonymous":
        client.force_login({"member": member, "outsider": outsider}[who])
    expected = 403 if who == "member" else 404
    for url in (f"/bilag/{attachment.pk}/historik/",
                f"/bilag/{attachment.pk}/historik/fil/?version={first}"):
        assert client.get(url).status_code == expected, url


def test_the_files_of_a_deleted_items_bilag_stay_with_the_secretariat(client, secretary,
                                                                      replaced, outsider):
    from agendas.services import agenda_item_delete

    attachment, first, _old = replaced
    agenda_item_delete(item=attachment.item)
    client.force_login(secretary)
    assert client.get(f"/bilag/{attachment.pk}/historik/fil/?version={first}").status_code == 200
    client.force_login(outsider)
    assert client.get(f"/bilag/{attachment.pk}/historik/fil/?version={first}").status_code == 404
