"""The upload: only the series' secretariat adds Bilag; a batch keeps its good files and
lists the others with their reasons; a plain form post works without JavaScript."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from agendas.models import Attachment
from meetings.models import Meeting
from tests.factories import make_item, make_meeting, pdf_bytes
from tests.intake import hostile

pytestmark = pytest.mark.django_db


def _post(client, item, *files, **extra):
    return client.post(reverse("agendas:attachment_upload", args=[item.pk]),
                       {"files": [SimpleUploadedFile(n, d) for n, d in files]}, **extra)


def test_a_batch_saves_the_good_files_and_lists_the_others_with_reasons(upload, item):
    response = upload(item, ("Budget.pdf", pdf_bytes("Budget")),
                      ("Beskadiget.pdf", hostile.broken_xref()),
                      ("Bilag til budget.pdf", pdf_bytes("Noter")))

    html = response.content.decode()
    assert response.status_code == 200
    assert "»Budget.pdf« er gemt som Bilag 1." in html
    assert "»Bilag til budget.pdf« er gemt som Bilag 2." in html
    assert "»Beskadiget.pdf« er beskadiget" in html
    assert list(item.attachments.values_list("position", "title")) == [
        (1, "Budget"), (2, "Bilag til budget")]


def test_files_sent_as_closed_become_closed_bilag_named_after_the_file(upload, item):
    upload(item, ("Økonomisk overblik.pdf", pdf_bytes()), is_closed="on")

    attachment = Attachment.objects.get()
    assert attachment.title == "Økonomisk overblik" and attachment.is_closed


def test_a_plain_form_post_redirects_back_with_a_message_per_file(upload, client, item):
    response = upload(item, ("Budget.pdf", pdf_bytes("Budget")), ("foto.pdf", hostile.jpeg()),
                      htmx=False)

    assert response.status_code == 302
    assert response["Location"] == reverse("agendas:meeting_editor",
                                           args=[item.meeting_id]) + f"#item-{item.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "»Budget.pdf« er gemt som Bilag 1." in page
    assert "»foto.pdf« er ikke en PDF-fil, men et billede (JPEG)." in page
    assert Attachment.objects.count() == 1


def test_no_file_chosen_is_a_message_not_an_error(upload, item):
    response = upload(item)

    assert response.status_code == 422
    assert "Vælg en eller flere filer, og prøv igen." in response.content.decode()


def test_a_member_may_not_add_bilag(client, member, series):
    item = make_item(make_meeting(series, status=Meeting.Status.AGENDA_SENT))
    client.force_login(member)

    response = _post(client, item, ("x.pdf", pdf_bytes()))

    assert response.status_code == 403
    assert not Attachment.objects.exists()


def test_an_outsider_gets_404_and_anonymous_is_sent_to_log_in(client, outsider, item):
    assert _post(client, item, ("x.pdf", pdf_bytes())).status_code == 302
    client.force_login(outsider)
    assert _post(client, item, ("x.pdf", pdf_bytes())).status_code == 404
    assert not Attachment.objects.exists()


def test_the_upload_needs_the_csrf_token(secretary, item):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretary)

    response = _post(client, item, ("x.pdf", pdf_bytes()), headers={"HX-Request": "true"})

    assert response.status_code == 403
    assert not Attachment.objects.exists()


def test_a_malformed_upload_is_a_400_not_a_500(client, secretary, item):
    client.force_login(secretary)
    response = client.generic("POST", reverse("agendas:attachment_upload", args=[item.pk]),
                              b"--x\r\nContent-Disposition: form-data; name=\"files\"; "
                              b"filename=\"a.pdf\"\r\n\r\n%PDF-1.7 no end",
                              content_type="multipart/form-data; boundary=x")

    assert response.status_code < 500


def test_the_upload_answers_get_with_405(client, secretary, item):
    client.force_login(secretary)

    assert client.get(reverse("agendas:attachment_upload", args=[item.pk])).status_code == 405


def test_bilag_of_a_meeting_whose_minutes_are_approved_are_refused(upload, item):
    Meeting.objects.filter(pk=item.meeting_id).update(status=Meeting.Status.MINUTES_APPROVED)

    html = upload(item, ("Sent.pdf", pdf_bytes("For sent"))).content.decode()

    assert "»Sent.pdf« kan ikke tilføjes: Referatet af mødet" in html
    assert "er godkendt" in html
    assert not Attachment.objects.exists()
