"""A large pack renders in the background (django.tasks with the database backend and its
worker), and the page shows its progress, polled with htmx."""

import pytest
from django.core.management import call_command

from documents.models import PackJob, RenderedDocument
from meetings.models import Meeting
from tests.documents.builders import rich_meeting
from tests.documents.pdftext import pdf_text

pytestmark = pytest.mark.filterwarnings("ignore:No directory at:UserWarning")

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def large(settings):
    """Every pack counts as large."""
    settings.PDF_PACK_INLINE_MAX_NEW_PAGES = 0


def pack_url(meeting, query=""):
    return f"/moeder/{meeting.pk}/samlet.pdf{query}"


@pytest.mark.django_db(transaction=True)
def test_large_pack_is_rendered_by_the_database_worker_while_the_page_shows_progress(
        client, series, member, settings, large):
    settings.TASKS = DB_TASKS
    meeting = rich_meeting(series, status=Meeting.Status.MINUTES_APPROVED, with_closed=False)
    client.force_login(member)

    page = client.get(pack_url(meeting))
    html = page.content.decode()
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert "<progress" in html and 'for="pack-progress-bar"' in html
    assert 'role="status"' in html
    assert 'data-hx-trigger="every 1s"' in html and 'style=' not in html
    job = PackJob.objects.get()
    assert job.status == PackJob.Status.QUEUED

    # Polling while nothing has changed: no content, nothing for the live region to repeat.
    unchanged = client.get(pack_url(meeting, "?trin=0"), headers={"hx-request": "true"})
    assert unchanged.status_code == 204

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0",
                 "--no-reload")
    job.refresh_from_db()
    assert job.status == PackJob.Status.DONE and job.steps_done == job.steps_total

    done = client.get(pack_url(meeting, "?trin=0"), headers={"hx-request": "true"})
    fragment = done.content.decode()
    assert done.status_code == 200
    assert "<html" not in fragment
    assert "Det samlede dokument er klar." in fragment
    assert 'data-hx-swap-oob="true"' in fragment
    assert "hx-trigger" not in fragment  # the polling stops
    assert f'href="{pack_url(meeting)}"' in fragment

    pdf = client.get(pack_url(meeting))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(pdf.streaming_content))
    assert "Punkt 3, Bilag 1: Bilag 1 - Økonomisk fordeling" in text
    assert RenderedDocument.objects.filter(kind="pack").count() == 1


@pytest.mark.django_db
def test_with_the_immediate_backend_a_large_pack_is_sent_at_once(client, series, member, large):
    meeting = rich_meeting(series, status=Meeting.Status.AGENDA_SENT, with_closed=False)
    client.force_login(member)
    response = client.get(pack_url(meeting))
    assert response["Content-Type"] == "application/pdf"
    assert PackJob.objects.get().status == PackJob.Status.DONE


@pytest.mark.django_db
def test_progress_fragment_tells_the_step_and_the_meeting_page_shows_a_running_job(
        client, series, member, settings, large):
    settings.TASKS = DB_TASKS
    meeting = rich_meeting(series, status=Meeting.Status.AGENDA_SENT, with_closed=False)
    client.force_login(member)
    client.get(pack_url(meeting, "?noter=1"))
    job = PackJob.objects.get()
    assert job.with_annotations and job.user == member
    PackJob.objects.filter(pk=job.pk).update(status="running", steps_done=2, steps_total=6,
                                             step_label="Laver Indstilling til Punkt 3")

    fragment = client.get(pack_url(meeting, "?noter=1&trin=0"), headers={"hx-request": "true"})
    html = fragment.content.decode()
    assert "Trin 2 af 6: Laver Indstilling til Punkt 3" in html
    assert 'max="6" value="2"' in html
    assert "trin=2" in html and "noter=1" in html

    page = client.get(f"/moeder/{meeting.pk}/")
    assert "Trin 2 af 6: Laver Indstilling til Punkt 3" in page.content.decode()


@pytest.mark.django_db
def test_failed_job_says_so_and_offers_a_new_try(client, series, member, settings, large):
    settings.TASKS = DB_TASKS
    meeting = rich_meeting(series, status=Meeting.Status.AGENDA_SENT, with_closed=False)
    client.force_login(member)
    client.get(pack_url(meeting))
    PackJob.objects.update(status="failed", error="boom")
    html = client.get(pack_url(meeting, "?trin=0"), headers={"hx-request": "true"}
                      ).content.decode()
    assert "Det samlede dokument kunne ikke laves." in html
    assert "Prøv igen" in html and "hx-trigger" not in html
    assert "boom" not in html
    client.get(pack_url(meeting))
    assert PackJob.objects.filter(status="queued").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_worker_words_the_progress_in_the_readers_language_and_the_pack_in_danish(
        client, series, member, settings, large):
    settings.TASKS = DB_TASKS
    meeting = rich_meeting(series, status=Meeting.Status.MINUTES_APPROVED, with_closed=False)
    client.force_login(member)
    client.post("/sprog/", {"language": "en", "next": "/"})
    client.get(pack_url(meeting))
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0",
                 "--no-reload")
    job = PackJob.objects.get()
    assert job.language == "en"
    assert job.step_label == "Finished"
    text = pdf_text(job.document.file.read())
    assert "Indhold" in text and "side 1 af" in text
    assert "Contents" not in text and "page 1 of" not in text
