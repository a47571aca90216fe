"""Uploaded PDFs are checked and described once; their files only leave through a checked view."""

import hashlib
import io

import pikepdf
import pytest
from django.core.exceptions import ValidationError

from agendas.attachments import attachment_add
from meetings.models import Meeting
from tests.factories import make_attachment, make_item, make_meeting, pdf_bytes

pytestmark = pytest.mark.django_db


def test_a_pdf_is_described_by_pages_size_sha256_and_text(series):
    attachment = attachment_add(item=make_item(make_meeting(series)),
                                data=pdf_bytes("Klimaplan", pages=3), filename="Klimaplan.pdf")
    with attachment.file.open("rb") as stored:
        data = stored.read()
    assert attachment.page_count == 3
    assert attachment.size == len(data)
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert "Klimaplan 2" in attachment.text
    assert attachment.title == "Klimaplan" and attachment.position == 1


@pytest.mark.parametrize(("data", "message"), [
    (b"", "»x.pdf« er tom (0 byte). Vælg den rigtige fil, og prøv igen."),
    (b"PK\x03\x04 a word file", "»x.pdf« er ikke en PDF-fil, men en ZIP-fil."),
    (b"%PDF-1.7\n garbage that is no pdf at all", "»x.pdf« er beskadiget"),
])
def test_bad_files_are_refused_with_a_danish_message(series, data, message):
    with pytest.raises(ValidationError) as error:
        attachment_add(item=make_item(make_meeting(series)), data=data, filename="x.pdf")
    assert message in error.value.messages[0]


def test_an_encrypted_pdf_is_refused(series):
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes())) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="ejer", user="bruger"))
    with pytest.raises(ValidationError) as error:
        attachment_add(item=make_item(make_meeting(series)), data=out.getvalue(),
                       filename="x.pdf")
    assert "adgangskode" in error.value.messages[0]


def test_a_pdf_with_javascript_is_refused(series):
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes())) as pdf:
        pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(
            S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hej')")))
        pdf.save(out)
    with pytest.raises(ValidationError) as error:
        attachment_add(item=make_item(make_meeting(series)), data=out.getvalue(),
                       filename="x.pdf")
    assert "JavaScript" in error.value.messages[0]


def test_the_download_checks_permission_and_sends_safe_headers(client, member, outsider, series):
    meeting = make_meeting(series, status=Meeting.Status.AGENDA_SENT)
    attachment = make_attachment(make_item(meeting), text="Fordeling")
    client.force_login(outsider)
    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.force_login(member)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline;")
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == attachment.sha256
    assert client.get(attachment.get_absolute_url() + "?hent=1")["Content-Disposition"].startswith(
        "attachment;")


def test_the_public_never_gets_a_closed_attachment_of_a_published_meeting(client, series):
    meeting = make_meeting(series, status=Meeting.Status.PUBLISHED)
    item = make_item(meeting)
    closed = make_attachment(item, text="Intern", is_closed=True)
    public = make_attachment(item, text="Offentlig")
    assert client.get(closed.get_absolute_url()).status_code == 404
    assert client.get(public.get_absolute_url()).status_code == 200


def test_the_same_document_attached_twice_is_stored_once(series):
    meeting = make_meeting(series)
    first = make_attachment(make_item(meeting), text="Klimaplan")
    second = make_attachment(make_item(meeting), text="Klimaplan")
    assert first.sha256 == second.sha256
    assert first.file.name == second.file.name == f"bilag/{first.sha256[:2]}/{first.sha256}.pdf"
    with second.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == second.sha256


def test_an_attachment_whose_file_went_missing_gets_a_clear_message_not_a_500(client, member,
                                                                               series):
    meeting = make_meeting(series, status=Meeting.Status.AGENDA_SENT)
    attachment = make_attachment(make_item(meeting), text="Fordeling")
    attachment.file.storage.delete(attachment.file.name)
    client.force_login(member)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 404
    assert "Filen til dette bilag findes ikke i lageret." in response.content.decode()
