"""The editor's Bilag list: what the secretariat sees of intake. Office files under way are
shown as "Konverteres …" and polled until they are Bilag (or failed, with the reason); a
Bilag without a text layer is marked; a converted one links to its original."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from agendas.models import Attachment, AttachmentConversion
from meetings.models import Meeting
from tests.factories import pdf_bytes
from tests.intake import hostile
from tests.intake.office_files import word
from tests.intake.test_office import DB_TASKS, needs_libreoffice

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def editor(client, item) -> str:
    response = client.get(reverse("agendas:meeting_editor", args=[item.meeting_id]))
    assert response.status_code == 200
    return response.content.decode()


def poll(client, item, waiting: str = ""):
    return client.get(reverse("agendas:item_conversions", args=[item.pk]), {"vent": waiting},
                      headers=HTMX)


def test_the_editor_offers_every_file_kind_and_says_the_limit(upload, client, item):
    html = editor(client, item)

    assert f'action="{reverse("agendas:attachment_upload", args=[item.pk])}"' in html
    assert 'accept=".pdf,application/pdf,.docx' in html and ".xlsx" in html
    assert 'data-max-bytes="52428800"' in html
    assert "et bilag må højst fylde 50 MB" in html  # the message the page fills in
    assert 'id="bilag-dialog"' in html and 'id="bilag-drop"' in html


def test_a_scan_is_marked_as_not_found_by_search(upload, client, item):
    upload(item, ("scanning.pdf", hostile.without_text_layer()),
           ("tekst.pdf", pdf_bytes("Tekst")))

    html = editor(client, item)

    assert html.count("Ingen tekstlag: findes ikke ved søgning") == 1


def test_the_upload_answers_with_the_bilag_list_and_the_outcome_of_each_file(upload, item):
    response = upload(item, ("Budget.pdf", pdf_bytes("Budget")), ("foto.pdf", hostile.jpeg()))

    html = response.content.decode()
    assert f'id="item-{item.pk}-bilag-list"' in html
    assert f'id="item-{item.pk}-attachments"' in html and "Bilag 1: Budget" in html
    assert 'data-outcome="saved" data-file="Budget.pdf"' in html
    assert 'data-outcome="refused" data-file="foto.pdf"' in html
    assert "1 fil er gemt som bilag. 1 fil blev afvist." in html  # the editor's status line
    assert "<form class=\"upload\"" not in html  # the form on the page is left as it is


@needs_libreoffice
def test_a_converted_bilag_links_its_original(upload, client, item):
    upload(item, ("Notat.docx", word("Et notat.")))
    attachment = Attachment.objects.get()

    html = editor(client, item)

    assert f'href="{reverse("agendas:attachment_original", args=[attachment.pk])}"' in html
    assert "Original: Notat.docx" in html


@needs_libreoffice
@pytest.mark.django_db(transaction=True)
def test_an_office_file_under_way_is_polled_until_it_is_a_bilag(upload, client, item,
                                                               settings):
    settings.TASKS = DB_TASKS
    html = upload(item, ("Notat.docx", word("Et notat."))).content.decode()
    conversion = AttachmentConversion.objects.get()
    assert "»Notat.docx« laves om til PDF og kontrolleres" in html
    url = reverse("agendas:item_conversions", args=[item.pk])
    assert f'data-hx-get="{url}?vent={conversion.pk}"' in html
    assert 'data-hx-trigger="every 2s"' in html
    assert "»Notat.docx« laves om til PDF" in editor(client, item)

    assert poll(client, item, str(conversion.pk)).status_code == 204  # nothing new yet

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0",
                 "--no-reload")

    done = poll(client, item, str(conversion.pk))
    fragment = done.content.decode()
    assert done.status_code == 200
    assert "data-hx-trigger" not in fragment  # the polling stops
    assert f'data-hx-swap-oob="beforeend:#item-{item.pk}-attachments"' in fragment
    assert "Bilag 1: Notat" in fragment
    assert "»Notat.docx« er gemt som Bilag 1." in fragment  # announced


@needs_libreoffice
def test_a_failed_conversion_shows_its_reason_until_it_is_dismissed(upload, client, item,
                                                                   settings):
    settings.ATTACHMENT_CONVERT_SECONDS = 1
    upload(item, ("Langsom.docx", word("Tager tid.")))
    conversion = AttachmentConversion.objects.get()

    html = editor(client, item)
    assert "Ikke lagt op:" in html
    assert "Omdannelsen af »Langsom.docx« til PDF blev stoppet efter 1 sekund." in html

    response = client.post(reverse("agendas:item_conversions", args=[item.pk]),
                           {"fjern": conversion.pk}, headers=HTMX)
    assert response.status_code == 200
    assert not AttachmentConversion.objects.exists()
    assert "Langsom.docx" not in editor(client, item)


def test_conversions_are_for_the_secretariat_only(client, member, outsider, item):
    Meeting.objects.filter(pk=item.meeting_id).update(status=Meeting.Status.AGENDA_SENT)
    url = reverse("agendas:item_conversions", args=[item.pk])
    client.force_login(member)
    assert client.get(url, headers=HTMX).status_code == 403
    client.force_login(outsider)
    assert client.get(url, headers=HTMX).status_code == 404
