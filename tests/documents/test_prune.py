"""Storage does not grow with every edit: `prune_documents` (a command, and a periodic task of
the worker) removes the documents of superseded content versions and finished pack jobs, and
keeps what is current."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from common.richtext import text_to_html
from documents.models import DocumentIndex, PackJob, RenderedDocument
from documents.prune import prune_documents
from meetings.models import Meeting
from tests.documents.builders import rich_meeting

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore:No directory at:UserWarning")]

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def reader(member):
    client = Client()
    client.force_login(member)
    return client


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def edit(meeting, text):
    item = meeting.items.get(number=1)
    item.text = text_to_html(text)
    item.save()


def age_everything():
    """As if the grace period had passed for everything stored so far."""
    past = timezone.now() - dt.timedelta(days=1)
    RenderedDocument.objects.update(current_at=past)
    PackJob.objects.update(updated_at=past)


def test_after_edits_only_the_current_documents_and_what_they_are_made_of_remain(
        series, reader):
    meeting = rich_meeting(series, status=Meeting.Status.MINUTES_APPROVED)
    url = f"/moeder/{meeting.pk}/samlet.pdf"
    for n in range(3):
        edit(meeting, f"Rettelse nummer {n}.")
        fetch(reader, url)
    files = {d.file.name for d in RenderedDocument.objects.all()}
    before = RenderedDocument.objects.count()
    age_everything()

    pruned = prune_documents()

    meeting.refresh_from_db()
    remaining = RenderedDocument.objects.all()
    assert pruned.documents == before - remaining.count() > 0
    assert {d.content_version for d in remaining} == {meeting.content_version}
    kinds = sorted(d.kind for d in remaining)
    assert kinds.count("pack") == 1 and "part" in kinds  # the pack and the parts it reuses
    storage = remaining[0].file.storage
    assert {name for name in files if storage.exists(name)} == {d.file.name for d in remaining}
    assert not DocumentIndex.objects.filter(content_version__lt=meeting.content_version).exists()
    # What remains still answers, and an edit to one item reuses the unchanged parts.
    assert fetch(reader, url).startswith(b"%PDF")


def test_superseded_documents_stay_for_the_grace_period(series, reader):
    meeting = rich_meeting(series, status=Meeting.Status.AGENDA_SENT)
    fetch(reader, f"/moeder/{meeting.pk}/dagsorden.pdf")
    edit(meeting, "Ny tekst.")
    assert prune_documents().documents == 0
    assert prune_documents(grace=dt.timedelta(0)).documents > 0


def test_finished_pack_jobs_are_removed_and_running_ones_stay(series, member):
    meeting = rich_meeting(series, status=Meeting.Status.AGENDA_SENT)
    done = PackJob.objects.create(key="a" * 64, meeting=meeting, user=member,
                                  status=PackJob.Status.DONE)
    running = PackJob.objects.create(key="b" * 64, meeting=meeting, user=member,
                                     status=PackJob.Status.RUNNING)
    age_everything()
    assert prune_documents().jobs == 1
    assert list(PackJob.objects.values_list("pk", flat=True)) == [running.pk]
    assert not PackJob.objects.filter(pk=done.pk).exists()


def test_the_command_prunes_and_schedules_the_worker_once(series, reader, settings):
    settings.TASKS = DB_TASKS
    from django_tasks_db.models import DBTaskResult

    meeting = rich_meeting(series, status=Meeting.Status.AGENDA_SENT)
    fetch(reader, f"/moeder/{meeting.pk}/dagsorden.pdf")
    edit(meeting, "Ny tekst.")
    age_everything()
    out = io.StringIO()
    call_command("prune_documents", "--schedule", stdout=out)
    call_command("prune_documents", "--schedule", stdout=io.StringIO())
    assert "Removed 2 stored documents" in out.getvalue()  # the agenda and its part
    waiting = DBTaskResult.objects.filter(task_path__endswith="prune_stored_documents")
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now() + dt.timedelta(hours=5)


@pytest.mark.django_db(transaction=True)
def test_the_worker_prunes_and_plans_the_next_pruning(series, member, settings):
    settings.TASKS = DB_TASKS
    from django_tasks_db.models import DBTaskResult

    from documents.tasks import prune_stored_documents

    meeting = rich_meeting(series, status=Meeting.Status.AGENDA_SENT)
    client = Client()
    client.force_login(member)
    fetch(client, f"/moeder/{meeting.pk}/dagsorden.pdf")
    edit(meeting, "Ny tekst.")
    age_everything()
    prune_stored_documents.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--no-reload")
    assert not RenderedDocument.objects.exists()
    assert DBTaskResult.objects.filter(task_path__endswith="prune_stored_documents",
                                       status="READY").count() == 1
