"""Background rendering of large packs (Django's tasks framework; the database backend's
worker runs them: `python manage.py db_worker`)."""

import datetime as dt
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db.models import F
from django.tasks import task
from django.utils import timezone, translation

from documents.models import PackJob
from documents.prune import prune_documents
from documents.services import pack_pdf, pack_plan

logger = logging.getLogger(__name__)


@task()
def render_pack(job_id: int) -> None:
    """Render the pack `job_id` asks for, writing progress to the job as it goes."""
    job = PackJob.objects.select_related("meeting__series").filter(pk=job_id).first()
    if job is None or job.status not in PackJob.ACTIVE:
        return
    PackJob.objects.filter(pk=job_id).update(status=PackJob.Status.RUNNING)
    user = (get_user_model().objects.filter(pk=job.user_id).first() if job.user_id else None)
    try:
        plan = pack_plan(meeting=job.meeting, user=user or AnonymousUser(),
                         public=job.public or user is None,
                         with_annotations=job.with_annotations, variant=job.variant or None)

        def progress(done, total, label):
            with translation.override(job.language):
                label = str(label)
            PackJob.objects.filter(pk=job_id).update(
                steps_done=min(done, total), steps_total=max(total, 1), step_label=label[:300])

        document = pack_pdf(plan, progress=progress)
    except Exception as exc:
        logger.exception("Pack %s failed", job_id)
        PackJob.objects.filter(pk=job_id).update(status=PackJob.Status.FAILED,
                                                 error=str(exc)[:2000])
        raise
    PackJob.objects.filter(pk=job_id).update(status=PackJob.Status.DONE, document=document,
                                             steps_done=F("steps_total"))


# How often the worker removes superseded documents and finished pack jobs.
PRUNE_EVERY = dt.timedelta(hours=6)


@task()
def prune_stored_documents() -> None:
    """Prune now, and come back in PRUNE_EVERY: the worker's periodic task."""
    try:
        prune_documents()
    finally:
        schedule_pruning()


def schedule_pruning() -> bool:
    """Make sure the next pruning is waiting in the queue (once, however often asked).
    Only a backend that can defer a task (the database backend) keeps one waiting."""
    backend = prune_stored_documents.get_backend()
    if not backend.supports_defer:
        return False
    if _pruning_waits(backend):
        return False
    prune_stored_documents.using(run_after=timezone.now() + PRUNE_EVERY).enqueue()
    return True


def _pruning_waits(backend) -> bool:
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(backend, DatabaseBackend):
        return False
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=prune_stored_documents.module_path,
                                       status=TaskResultStatus.READY).exists()
