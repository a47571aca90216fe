"""The "Dokumenter" section of the meeting page (reading/): links to the PDF documents the
viewer may read, the pack form, and the progress of a pack this reader is waiting for."""

from django.template.loader import render_to_string

from documents.models import PackJob
from reading.content import minutes_available

PACK_JOBS_SESSION_KEY = "documents_pack_jobs"


class DocumentsSection:
    def live(self, request, *, meeting_id: int) -> bool:
        # The session remembers the packs this reader started, so that the page asks the
        # database about a job only when there is one.
        return str(meeting_id) in _session_jobs(request)

    def render(self, request, *, meeting, content, viewer) -> str:
        from documents.views import job_state, pack_options

        job = None
        job_id = _session_jobs(request).get(str(meeting.pk))
        if job_id and request.user.is_authenticated:
            job = PackJob.objects.filter(pk=job_id, user=request.user,
                                         status__in=PackJob.ACTIVE).first()
            if job is None:
                jobs = request.session[PACK_JOBS_SESSION_KEY]
                jobs.pop(str(meeting.pk), None)
                request.session[PACK_JOBS_SESSION_KEY] = jobs
        belongs = viewer.is_authenticated and viewer.resolved and viewer.belongs(meeting.series_id)
        return render_to_string("documents/_documents.html", {"meeting": meeting, "documents": {
            "minutes": minutes_available(meeting, viewer, public=not viewer.is_authenticated),
            "memos": [e for e in content.readable_items if e.item.has_memo],
            "can_choose_public": viewer.is_authenticated and meeting.is_public,
            "can_annotate": belongs,
            "job": job_state(job, pack_options(job)) if job else None,
        }}, request=request)


def _session_jobs(request) -> dict:
    if not request.user.is_authenticated:
        return {}
    return request.session.get(PACK_JOBS_SESSION_KEY, {})
