import re
from urllib.parse import urlencode

from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from agendas.models import AgendaItem
from documents import lookup, services
from documents.models import PackJob, RenderedDocument
from documents.pdf import render as pdf_render
from documents.pdf import store
from documents.section import PACK_JOBS_SESSION_KEY
from meetings.models import Meeting
from meetings.versions import current_versions
from meetings.viewer import request_viewer
from reading.content import minutes_available, readable_meetings

Kind = RenderedDocument.Kind
_STORAGE = RenderedDocument._meta.get_field("file").storage

# PDF documents. Each view starts from the same visibility rule as the meeting page; an
# anonymous visitor always gets the public version, others may ask for it (?offentlig=1).

def _is_public(request) -> bool:
    return not request.user.is_authenticated or request.GET.get("offentlig") == "1"


def _meeting(request, meeting_id: int, *, public: bool) -> Meeting:
    meeting = get_object_or_404(
        readable_meetings(request_viewer(request)).select_related("series"),
        pk=meeting_id)
    if public and not meeting.is_public:
        raise Http404  # an unpublished meeting has no public version
    return meeting


def _variant(request) -> str:
    return pdf_render.ARCHIVE if request.GET.get("arkiv") == "1" else pdf_render.DEFAULT_VARIANT


def _filename(*parts: str, public: bool) -> str:
    name = " ".join(p for p in parts if p) + (" (offentlig)" if public else "")
    return re.sub(r'[\x00-\x1f/\\:*?"<>|]+', "-", name).strip() + ".pdf"


def _meeting_name(meeting: Meeting) -> str:
    return f"{meeting.display_title} {meeting.date:%d-%m-%Y}"


def _current(meeting_id: int, viewer) -> tuple[int, int, int]:
    """The meeting's series and versions, when the viewer may see it (else 404)."""
    current = current_versions(meeting_id, viewer)
    if current is None:
        raise Http404
    return current


def _serve(request, slot: lookup.Slot, get_document, filename, *, found=None):
    """Send the document `slot` names: 304 when the browser has this version already, the
    stored file when the index knows it (`found`), else the document found (or rendered)
    the long way by `get_document`, remembered for the next request under `filename()`. A
    document whose file went missing from storage renders once more."""
    if found is None:
        found = _remember(slot, get_document(), filename())
    etag = f'"{found.key}"'
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        try:
            handle = _STORAGE.open(found.file, "rb")
        except FileNotFoundError:
            store.forget_key(found.key)
            found = _remember(slot, get_document(), filename())
            etag = f'"{found.key}"'
            handle = _STORAGE.open(found.file, "rb")
        response = FileResponse(handle, content_type="application/pdf",
                                 as_attachment=request.GET.get("hent") == "1",
                                 filename=found.filename)
        response["Content-Length"] = found.size
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    response["Vary"] = "Cookie"
    return response


def _remember(slot: lookup.Slot, document: RenderedDocument, filename: str) -> lookup.Stored:
    slot.remember(document, filename)
    return lookup.Stored(document.key, document.file.name, document.size, filename)


@require_GET
def agenda_pdf(request, meeting_id: int):
    public, viewer, variant = _is_public(request), request_viewer(request), _variant(request)
    slot = lookup.slot(viewer, _current(meeting_id, viewer), meeting_id, Kind.AGENDA,
                       public=public, variant=variant)
    meeting = _lazy_meeting(request, meeting_id, public=public)
    return _serve(request, slot,
                  lambda: services.agenda_pdf(meeting=meeting(), user=viewer, public=public,
                                              variant=variant),
                  lambda: _filename("Dagsorden", _meeting_name(meeting()), public=public),
                  found=slot.find())


MINUTES_FORMS = {"kort": "short", "dagsorden": "with_agenda"}


@require_GET
def minutes_pdf(request, meeting_id: int):
    public, viewer, variant = _is_public(request), request_viewer(request), _variant(request)
    form = MINUTES_FORMS.get(request.GET.get("form", ""))
    slot = lookup.slot(viewer, _current(meeting_id, viewer), meeting_id, Kind.MINUTES,
                       public=public, variant=variant, options=form or "")
    # A row in the index was written once the minutes were found readable for this class of
    # viewers at this version; without one, the long way asks again.
    found = slot.find()
    meeting = _lazy_meeting(request, meeting_id, public=public)
    if found is None and not minutes_available(meeting(), viewer, public=public):
        raise Http404
    return _serve(request, slot,
                  lambda: services.minutes_pdf(meeting=meeting(), user=viewer, public=public,
                                               form=form, variant=variant),
                  lambda: _filename("Referat", _meeting_name(meeting()), public=public),
                  found=found)


@require_GET
def memo_pdf(request, item_id: int):
    public, viewer, variant = _is_public(request), request_viewer(request), _variant(request)
    located = lookup.memo_current(item_id, viewer)
    if located is None:
        raise Http404
    meeting_id, current = located
    slot = lookup.slot(viewer, current, meeting_id, Kind.MEMO, public=public, variant=variant,
                       options=f"item={item_id}")
    found = slot.find()
    item = None

    def load_item():
        nonlocal item
        if item is None:
            item = get_object_or_404(
                AgendaItem.objects.visible_to(viewer).select_related("meeting__series"),
                pk=item_id, memo_template__isnull=False)
            if public and not item.meeting.is_public:
                raise Http404  # an unpublished meeting has no public version
        return item

    def document():
        memo = services.memo_pdf(item=load_item(), user=viewer, public=public, variant=variant)
        if memo is None:
            raise Http404
        return memo

    return _serve(request, slot, document, lambda: _filename(
        "Indstilling", f"punkt {load_item().number}", load_item().title, public=public),
        found=found)


def _lazy_meeting(request, meeting_id: int, *, public: bool):
    """The meeting, fetched (through its rule) the first time it is needed."""
    fetched = []

    def meeting() -> Meeting:
        if not fetched:
            fetched.append(_meeting(request, meeting_id, public=public))
        return fetched[0]

    return meeting


def pack_options(job: PackJob | None = None, request=None) -> dict:
    """The query that asks for this pack again (and that the progress polls)."""
    if job is not None:
        options = {"offentlig": "1" if job.public else "", "noter": "1" if job.with_annotations
                   else "", "arkiv": "1" if job.variant == pdf_render.ARCHIVE else ""}
    else:
        options = {name: request.GET.get(name, "") for name in ("offentlig", "noter", "arkiv")}
    return {name: value for name, value in options.items() if value == "1"}


def job_state(job: PackJob | None, options: dict, *, stored=None) -> dict:
    meeting_id = job.meeting_id if job else stored.meeting_id
    url = reverse("documents:pack", args=[meeting_id])
    query = urlencode(options)
    state = "done" if stored is not None or (job and job.status == PackJob.Status.DONE) else (
        "failed" if job and job.status == PackJob.Status.FAILED else "running")
    return {
        "state": state,
        "job": job,
        "pdf_url": url + (f"?{query}" if query else ""),
        "poll_url": url + "?" + urlencode({**options, "trin": job.steps_done if job else 0}),
        "page_count": stored.page_count if stored is not None else None,
    }


@require_GET
@vary_on_headers("HX-Request", "Cookie")
def pack_pdf(request, meeting_id: int):
    """The pack. Small packs and stored ones are sent at once; a large one is handed to the
    background worker and this page shows its progress, polled by htmx every second."""
    public, viewer, variant = _is_public(request), request_viewer(request), _variant(request)
    options = pack_options(request=request)
    with_annotations = "noter" in options and viewer.is_authenticated and not public
    slot = lookup.slot(viewer, _current(meeting_id, viewer), meeting_id, Kind.PACK,
                       public=public, variant=variant,
                       options="noter" if with_annotations else "",
                       with_annotations=with_annotations)
    meeting = _lazy_meeting(request, meeting_id, public=public)

    def plan():
        return services.pack_plan(meeting=meeting(), user=viewer, public=public,
                                  with_annotations=with_annotations, variant=variant)

    def filename():
        return _filename("Samlet dokument", _meeting_name(meeting()), public=public)

    if not request.htmx:
        found = slot.find()
        if found is not None:
            return _serve(request, slot, lambda: services.pack_pdf(plan()), filename,
                          found=found)
    first = plan()
    if request.htmx:
        return _pack_progress(request, meeting(), first, options)
    if first.stored is not None or not first.renders_in_background:
        plans = iter([first])

        def document():  # a second call (the stored file went missing) plans afresh
            return services.pack_pdf(next(plans, None) or plan())

        return _serve(request, slot, document, filename)
    job = _start_job(first, request.user)
    job.refresh_from_db()
    if request.user.is_authenticated and job.status in PackJob.ACTIVE:
        jobs = request.session.get(PACK_JOBS_SESSION_KEY, {})
        jobs[str(meeting_id)] = job.pk
        request.session[PACK_JOBS_SESSION_KEY] = jobs
    if job.status == PackJob.Status.DONE and job.document_id:
        # The task backend ran it at once (the immediate backend in tests and development).
        return _serve(request, slot, lambda: job.document, filename)
    return render(request, "documents/pack_progress.html", {
        "meeting": meeting(), "progress": job_state(job, options)})


def _start_job(plan, user) -> PackJob:
    from documents.tasks import render_pack

    active = PackJob.objects.filter(key=plan.key, status__in=PackJob.ACTIVE).first()
    if active is not None:
        return active
    try:
        job = PackJob.objects.create(
            key=plan.key, meeting=plan.meeting, public=plan.public,
            user=user if user.is_authenticated else None,
            with_annotations=plan.with_annotations, variant=plan.variant or "",
            steps_total=len(plan.missing_parts) + 3, language=translation.get_language() or "da")
    except IntegrityError:
        return PackJob.objects.get(key=plan.key, status__in=PackJob.ACTIVE)
    try:
        render_pack.enqueue(job.pk)
    except Exception as exc:  # noqa: BLE001 - any backend failure ends as a failed job
        PackJob.objects.filter(pk=job.pk).update(status=PackJob.Status.FAILED, error=str(exc))
    return job


def _pack_progress(request, meeting, plan, options) -> HttpResponse:
    """The progress fragment. 204 (nothing to swap) while the step has not changed, so the
    live region only speaks when there is news; the finished state stops the polling."""
    job = PackJob.objects.filter(key=plan.key).order_by("-created_at").first()
    if plan.stored is None and job is None:
        # Nothing is rendering this version (its content changed meanwhile): start it.
        job = _start_job(plan, request.user)
        job.refresh_from_db()
    stored = plan.stored or (job.document if job and job.status == PackJob.Status.DONE
                             else None)
    state = job_state(job, options, stored=stored)
    if (state["state"] == "running" and job is not None
            and request.GET.get("trin") == str(job.steps_done)):
        return HttpResponse(status=204)
    return render(request, "documents/_pack_progress.html#pack-progress",
                  {"meeting": meeting, "progress": state, "oob": True})
