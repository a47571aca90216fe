"""Office files become Bilag through LibreOffice in the background worker: the item shows
"Konverteres …", then the Bilag (or why it failed); the original is kept for the series'
secretariat; a conversion that hangs is stopped at its limit."""

import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse

from agendas.models import Attachment, AttachmentConversion
from meetings.models import Meeting
from tests.documents.pdftext import pdf_text
from tests.factories import make_item, make_meeting
from tests.intake.office_files import excel, word

pytestmark = pytest.mark.django_db

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed "
    "(scripts/intake-setup.sh installs it; make test runs it)")
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _pdf_text(attachment) -> str:
    with attachment.file.open("rb") as handle:
        return pdf_text(handle.read())


@needs_libreoffice
def test_a_word_document_becomes_a_bilag_whose_pdf_says_what_the_document_said(upload, item):
    data = word("Socialforvaltningen forventer et mindreforbrug på 4,2 mio. kr.")

    html = upload(item, ("Budgetopfølgning.docx", data)).content.decode()

    assert "»Budgetopfølgning.docx« er gemt som Bilag 1." in html
    attachment = Attachment.objects.get()
    text = _pdf_text(attachment)
    assert "Budgetopfølgning 2023" in text and "mindreforbrug på 4,2 mio. kr." in text
    assert "mindreforbrug" in attachment.text and attachment.has_text_layer
    assert attachment.title == "Budgetopfølgning"
    assert attachment.original_filename == "Budgetopfølgning.docx"
    assert attachment.original_file.name.endswith(".docx")
    assert attachment.conversion.status == AttachmentConversion.Status.DONE


@needs_libreoffice
def test_a_spreadsheet_becomes_a_bilag_whose_pdf_shows_its_cells(upload, item):
    data = excel([["Område", "Beløb"], ["Jobcenter", 1250000], ["Ydelser", 310000]])

    upload(item, ("Fordeling.xlsx", data))

    text = _pdf_text(Attachment.objects.get())
    assert "Jobcenter" in text and "1250000" in text and "Ydelser" in text


@needs_libreoffice
@pytest.mark.django_db(transaction=True)  # the worker closes connections, as it does in prod
def test_the_worker_converts_while_the_item_shows_the_conversion_pending(upload, item,
                                                                        settings):
    settings.TASKS = DB_TASKS
    html = upload(item, ("Notat.docx", word("Et notat."))).content.decode()

    assert "»Notat.docx« konverteres til PDF …" in html
    conversion = AttachmentConversion.objects.get()
    assert conversion.status == AttachmentConversion.Status.PENDING
    assert not Attachment.objects.exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0",
                 "--no-reload")

    conversion.refresh_from_db()
    assert conversion.status == AttachmentConversion.Status.DONE
    assert "Et notat." in conversion.attachment.text


@needs_libreoffice
def test_a_conversion_that_hangs_is_stopped_at_its_limit(upload, item, settings):
    settings.ATTACHMENT_CONVERT_SECONDS = 1  # LibreOffice needs more than that to start
    before = _soffice_processes()

    html = upload(item, ("Langsom.docx", word("Tager tid."))).content.decode()

    assert "Omdannelsen af »Langsom.docx« til PDF blev stoppet efter 1 sekund." in html
    conversion = AttachmentConversion.objects.get()
    assert conversion.status == AttachmentConversion.Status.FAILED
    assert conversion.refusal_code == "conversion_timeout"
    assert not Attachment.objects.exists()
    assert _soffice_processes() <= before  # nothing of it is left running


def test_office_files_are_refused_with_the_reason_where_libreoffice_is_missing(upload, item,
                                                                              settings):
    settings.LIBREOFFICE_PATH = "/nonexistent/soffice"

    html = upload(item, ("Notat.docx", word("Et notat."))).content.decode()

    assert ("»Notat.docx« er et kontordokument, men LibreOffice, der laver den om til PDF, er "
            "ikke installeret på serveren.") in html
    assert not AttachmentConversion.objects.exists() and not Attachment.objects.exists()


@needs_libreoffice
def test_the_original_is_for_the_secretariat_only(upload, client, item, member, outsider):
    upload(item, ("Notat.docx", word("Et notat.")))
    attachment = Attachment.objects.get()
    url = reverse("agendas:attachment_original", args=[attachment.pk])

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="Notat.docx"')
    assert b"".join(response.streaming_content)[:2] == b"PK"

    Meeting.objects.filter(pk=item.meeting_id).update(status=Meeting.Status.AGENDA_SENT)
    client.force_login(member)
    assert client.get(attachment.get_absolute_url()).status_code == 200  # reads the PDF
    assert client.get(url).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_a_bilag_that_arrived_as_a_pdf_has_its_pdf_as_original(upload, client, item):
    from tests.factories import pdf_bytes

    upload(item, ("a.pdf", pdf_bytes()))
    attachment = Attachment.objects.get()

    response = client.get(reverse("agendas:attachment_original", args=[attachment.pk]))

    assert response.status_code == 302
    assert response["Location"] == attachment.get_absolute_url() + "?hent=1"


@needs_libreoffice
def test_a_conversion_for_an_item_of_another_series_is_not_listed(upload, item, secretary):
    upload(item, ("Notat.docx", word("Et notat.")))
    other = make_item(make_meeting())

    assert AttachmentConversion.objects.editable_by(secretary).count() == 1
    assert not AttachmentConversion.objects.editable_by(secretary).filter(item=other).exists()


def _soffice_processes() -> int:
    """LibreOffice processes still running (a killed one may linger as a zombie: it runs
    nothing, and its parent is gone)."""
    result = subprocess.run(["ps", "-eo", "stat=,args="], capture_output=True, text=True,
                            check=True)
    return sum(1 for line in result.stdout.splitlines()
               if "soffice" in line and not line.lstrip().startswith("Z"))


@needs_libreoffice
@pytest.mark.django_db(transaction=True)
def test_a_conversion_finishing_after_the_minutes_were_approved_fails_with_that_reason(
        upload, item, settings):
    settings.TASKS = DB_TASKS
    upload(item, ("Sent.docx", word("For sent.")))
    Meeting.objects.filter(pk=item.meeting_id).update(status=Meeting.Status.MINUTES_APPROVED)

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0",
                 "--no-reload")

    conversion = AttachmentConversion.objects.get()
    assert conversion.status == AttachmentConversion.Status.FAILED
    assert "»Sent.docx« kan ikke tilføjes: Referatet af mødet" in conversion.refusal.message
    assert not Attachment.objects.exists()
