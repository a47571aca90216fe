"""Bilag intake in the meeting editor: files received for an item (the file picker, or dropped
on the item or on the item list: static/js/upload.js sends one request per file, with its own
progress bar), office files on their way to PDF, and the original of a converted Bilag.

An upload is refused with 413 from its declared length alone, before its body is read. Django's
CSRF check reads the body, so it runs after the size check: csrf_exempt outside, csrf_protect
inside, as Django's documentation does it for upload handlers.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from agendas.attachments import AttachmentRefused, Refusal, attachment_receive
from agendas.attachments.kinds import OFFICE_CONTENT_TYPES, extension, safe_filename
from agendas.attachments.refusals import too_large
from agendas.models import Attachment, AttachmentConversion
from agendas.views.access import attachment_for_editor, editor_url, item_for_editor
from agendas.views.items import ITEM, _entry, structure_response
from common.views import error_page

logger = logging.getLogger(__name__)

# Room for the multipart boundaries and the form's other fields around the file itself.
UPLOAD_OVERHEAD = 256 * 1024


class Outcome:
    """What became of one received file: a Bilag, a conversion under way, or a refusal."""

    def __init__(self, *, name: str, attachment=None, conversion=None, refusal=None):
        self.name, self.attachment, self.conversion = name, attachment, conversion
        self.refusal = refusal

    @classmethod
    def of(cls, received):
        if isinstance(received, Attachment):
            return cls(name=received.original_filename, attachment=received)
        if received.status == AttachmentConversion.Status.DONE:
            return cls(name=received.original_filename, attachment=received.attachment,
                       conversion=received)
        return cls(name=received.original_filename, conversion=received,
                   refusal=received.refusal)

    @property
    def kind(self) -> str:
        return "refused" if self.refusal else "saved" if self.attachment else "pending"

    @property
    def message(self) -> str:
        if self.refusal:
            return self.refusal.message
        if self.attachment:
            return _("»%(name)s« er gemt som Bilag %(position)s.") % {
                "name": self.name, "position": self.attachment.position}
        return _("»%(name)s« konverteres til PDF …") % {"name": self.name}


@login_required
@require_POST
@csrf_exempt
def attachment_upload(request, item_id: int):
    """Receive one or more files ("files") for an item: each becomes its next Bilag, a
    conversion under way, or a refusal with its reason; the others are not held back by it."""
    item = item_for_editor(request.user, item_id)
    declared = int(request.META.get("CONTENT_LENGTH") or 0)
    if declared > settings.ATTACHMENT_MAX_BYTES + UPLOAD_OVERHEAD:
        name = safe_filename(request.GET["navn"]) if request.GET.get("navn") else ""
        outcome = Outcome(name=name, refusal=too_large(name, declared,
                                                       settings.ATTACHMENT_MAX_BYTES))
        if not request.htmx:
            return error_page(request, 413, _("Filen er for stor"), outcome.message)
        return _answer(request, item, [outcome], status=413)
    return _receive(request, item)


@csrf_protect
def _receive(request, item):
    is_closed = request.POST.get("is_closed") in {"1", "on", "true"}
    outcomes = [_receive_one(request, item, upload, is_closed)
                for upload in request.FILES.getlist("files")]
    if not outcomes:
        outcomes = [Outcome(name="", refusal=Refusal("no_files", ""))]
    refused_all = all(outcome.refusal for outcome in outcomes)
    return _answer(request, item, outcomes, status=422 if refused_all else 200)


def _receive_one(request, item, upload, is_closed: bool) -> Outcome:
    try:
        return Outcome.of(attachment_receive(item=item, data=upload, filename=upload.name,
                                             is_closed=is_closed, by=request.user))
    except AttachmentRefused as refused:
        return Outcome(name=refused.refusal.name, refusal=refused.refusal)
    except ValidationError as error:  # a rule of the meeting, such as approved minutes
        name = safe_filename(upload.name)
        return Outcome(name=name, refusal=Refusal("not_attached", name,
                                                  {"reason": " ".join(error.messages)}))


def _answer(request, item, outcomes: list[Outcome], *, status: int):
    if not request.htmx:
        for outcome in outcomes:
            (messages.error if outcome.refusal else messages.success)(request, outcome.message)
        return redirect(editor_url(item))
    # One file sent by upload.js (?navn=): the page announces it in the item's own status
    # region, so the editor's status line stays quiet rather than saying it twice.
    summary = "" if request.GET.get("navn") else _summary(outcomes)
    return structure_response(request, item.meeting, fragments=[f"{ITEM}#bilag-list"],
                              entry_id=item.pk, outcomes=outcomes,
                              status_text=summary, status=status)


def _summary(outcomes: list[Outcome]) -> str:
    counts = {kind: sum(1 for o in outcomes if o.kind == kind)
              for kind in ("saved", "pending", "refused")}
    parts = [
        ngettext("%(n)s fil er gemt som bilag.", "%(n)s filer er gemt som bilag.",
                 counts["saved"]) % {"n": counts["saved"]} if counts["saved"] else "",
        ngettext("%(n)s fil konverteres til PDF.", "%(n)s filer konverteres til PDF.",
                 counts["pending"]) % {"n": counts["pending"]} if counts["pending"] else "",
        ngettext("%(n)s fil blev afvist.", "%(n)s filer blev afvist.",
                 counts["refused"]) % {"n": counts["refused"]} if counts["refused"] else ""]
    return " ".join(part for part in parts if part)


@login_required
def item_conversions(request, item_id: int):
    """The item's office files on their way to PDF, polled by the editor while any is under
    way (?vent=ids it last saw under way: 204 while nothing has changed). A finished one is
    added to the Bilag list and announced; a POST with `fjern` removes a failed one's notice."""
    item = item_for_editor(request.user, item_id)
    if request.method == "POST":
        return _dismiss(request, item)
    entry = _entry(item.meeting, item.pk)
    waiting = {int(pk) for pk in request.GET.get("vent", "").split(",") if pk.isdigit()}
    under_way = {c.pk for c in entry.conversions if c.under_way}
    if request.htmx and waiting == under_way:
        return HttpResponse(status=204)
    finished = list(AttachmentConversion.objects.filter(pk__in=waiting - under_way, item=item)
                    .select_related("attachment"))
    if not request.htmx:
        return redirect(editor_url(item))
    context = {"entry": entry, "finished": finished,
               "announce": " ".join(Outcome.of(c).message for c in finished)}
    return HttpResponse(render_to_string(f"{ITEM}#conversions-update", context, request))


@csrf_protect
def _dismiss(request, item):
    pk = request.POST.get("fjern", "")
    AttachmentConversion.objects.filter(
        pk=int(pk) if pk.isdigit() else 0, item=item,
        status=AttachmentConversion.Status.FAILED).delete()
    entry = _entry(item.meeting, item.pk)
    if not request.htmx:
        return redirect(editor_url(item))
    return HttpResponse(render_to_string(f"{ITEM}#conversions", {"entry": entry}, request))


@login_required
@require_GET
def attachment_original(request, attachment_id: int):
    """The office file a Bilag was converted from, for the series' secretariat only (a Bilag
    that arrived as a PDF has no other original: this sends its PDF)."""
    attachment = attachment_for_editor(request.user, attachment_id)
    if not attachment.original_file:
        return redirect(attachment.get_absolute_url() + "?hent=1")
    ext = extension(attachment.original_file.name)
    try:
        handle = attachment.original_file.open("rb")
    except FileNotFoundError:
        logger.error("Attachment %s: its original %s is missing", attachment.pk,
                     attachment.original_file.name)
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True,
                            content_type=OFFICE_CONTENT_TYPES.get(ext, "application/octet-stream"),
                            filename=attachment.original_filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response
