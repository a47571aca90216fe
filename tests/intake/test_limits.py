"""A hostile file cannot hang or exhaust the web process: the check runs in a child process
that is stopped at its time limit and cannot grow past its memory limit; an upload over the
size limit is answered 413 before its body is read."""

import time

import pytest
from django.urls import reverse

from agendas.models import Attachment
from tests.factories import pdf_bytes
from tests.intake import hostile

pytestmark = pytest.mark.django_db


def test_a_file_that_keeps_the_parser_busy_is_stopped_at_the_time_limit(upload, item, settings):
    settings.ATTACHMENT_INSPECT_SECONDS = 2
    bomb = hostile.parser_bomb()  # ~30 KB: seconds of qpdf, minutes of text extraction
    assert len(bomb) < 100_000

    started = time.monotonic()
    response = upload(item, ("tung.pdf", bomb))
    elapsed = time.monotonic() - started

    html = response.content.decode()
    assert response.status_code == 422
    assert "»tung.pdf« kunne ikke kontrolleres inden for 2 sekunder" in html
    assert elapsed < 10
    assert not Attachment.objects.exists()


def test_a_file_that_needs_more_memory_than_allowed_is_refused(upload, item, settings):
    # Less than the checker needs for this file (qpdf or pikepdf runs out, whichever first).
    settings.ATTACHMENT_INSPECT_MEMORY_MB = 80
    settings.ATTACHMENT_INSPECT_SECONDS = 60
    html = upload(item, ("stor.pdf", hostile.parser_bomb())).content.decode()

    assert "»stor.pdf« kræver mere hukommelse, end kontrollen må bruge, og er afvist." in html
    assert not Attachment.objects.exists()


def test_an_upload_over_the_limit_is_answered_413_before_its_body_is_read(client, secretary,
                                                                        item, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client.force_login(secretary)
    url = reverse("agendas:attachment_upload", args=[item.pk]) + "?navn=Årsrapport.pdf"
    # The test client's body raises if read past what it holds: a 413 here proves that
    # the view answered from the declared length alone.
    response = client.generic("POST", url, b"--x\r\n", content_type="multipart/form-data; "
                              "boundary=x", headers={"HX-Request": "true"},
                              CONTENT_LENGTH=str(80 * 1024 * 1024))

    assert response.status_code == 413
    html = response.content.decode()
    assert "»Årsrapport.pdf« fylder 80 MB; et bilag må højst fylde 1 MB." in html


def test_a_plain_post_over_the_limit_gets_the_413_page_in_danish(client, secretary, item,
                                                                settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client.force_login(secretary)
    response = client.generic("POST", reverse("agendas:attachment_upload", args=[item.pk]),
                              b"--x\r\n", content_type="multipart/form-data; boundary=x",
                              CONTENT_LENGTH=str(3 * 1024 * 1024))

    assert response.status_code == 413
    assert "send højst 1 MB ad gangen" in response.content.decode()


def test_a_file_just_over_the_limit_in_a_batch_is_refused_and_the_rest_kept(upload, item,
                                                                           settings):
    settings.ATTACHMENT_MAX_BYTES = 400 * 1024
    big = pdf_bytes("Stor") + b"%" + b"x" * (420 * 1024) + b"\n"
    html = upload(item, ("lille.pdf", pdf_bytes("Lille")), ("stor.pdf", big)).content.decode()

    assert "»stor.pdf« fylder 0,4 MB; et bilag må højst fylde 0,4 MB." in html
    assert 'data-outcome="saved"' in html
    assert list(Attachment.objects.values_list("original_filename", flat=True)) == ["lille.pdf"]


def test_text_for_search_is_taken_from_the_first_pages_only(upload, item, settings):
    settings.ATTACHMENT_TEXT_PAGE_LIMIT = 2

    upload(item, ("lang.pdf", pdf_bytes("Kapitel", pages=4)))

    attachment = Attachment.objects.get()
    assert attachment.page_count == 4
    assert "Kapitel 1" in attachment.text and "Kapitel 2" in attachment.text
    assert "Kapitel 3" not in attachment.text
