"""The secretariat's side of Bilag: receiving files for an item, and the office original.

An upload is refused with 413 from its declared length alone, before its body is read (the
CSRF check would read it, so it runs after the size check: csrf_exempt outside, csrf_protect
inside, as Django's documentation on upload handlers does it).
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from agendas.attachments.kinds import OFFICE_CONTENT_TYPES, extension, safe_filename
from agendas.attachments.refusals import AttachmentRefused, Refusal, too_large
from agendas.attachments.services import attachment_receive
from agendas.models import AgendaItem, Attachment, AttachmentConversion
from common.views import error_page

logger = logging.getLogger(__name__)

# Room for the multipart boundaries and the form's other fields around the file itself.
UPLOAD_OVERHEAD = 256 * 1024


def editable_item(request, item_id: int) -> AgendaItem:
    """The item, for its series' secretariat: 404 for those who cannot read it, 403 for
    readers who may not change it."""
    readable = get_object_or_404(AgendaItem.objects.visible_to(request.user)
                                 .select_related("meeting__series"), pk=item_id)
    if not AgendaItem.objects.editable_by(request.user).filter(pk=readable.pk).exists():
        raise PermissionDenied
    return readable


@login_required
@require_POST
@csrf_exempt
def attachment_upload(request, item_id: int):
    """Receive one or more files ("filer") for an item: each becomes a Bilag, a conversion
    under way, or a refusal with its reason. Answers an htmx request with the results as a
    fragment, a plain form post with messages and a redirect back."""
    item = editable_item(request, item_id)
    declared = int(request.META.get("CONTENT_LENGTH") or 0)
    if declared > settings.ATTACHMENT_MAX_BYTES + UPLOAD_OVERHEAD:
        return _too_large(request, declared)
    return _receive(request, item)


@csrf_protect
def _receive(request, item: AgendaItem):
    files = request.FILES.getlist("filer")
    title = request.POST.get("titel", "").strip() if len(files) == 1 else ""
    is_closed = request.POST.get("lukket") in {"1", "on", "true"}
    results = []
    for upload in files:
        try:
            outcome = attachment_receive(item=item, data=upload, filename=upload.name,
                                         title=title, is_closed=is_closed, by=request.user)
        except AttachmentRefused as refused:
            results.append(Result(name=refused.refusal.name, refusal=refused.refusal))
        except ValidationError as error:  # a rule of the meeting, e.g. approved minutes
            name = safe_filename(upload.name)
            results.append(Result(name=name, refusal=Refusal(
                "not_attached", name, {"reason": " ".join(error.messages)})))
        else:
            results.append(Result.of(outcome))
    if not files:
        results.append(Result(name="", refusal=Refusal("no_files", "")))
    if request.htmx:
        return render(request, "agendas/attachments/upload_results.html",
                      {"item": item, "results": results})
    for result in results:
        level = messages.error if result.refusal else messages.success
        level(request, result.message)
    return redirect(_back(request, item))


class Result:
    """What became of one received file, as the page reports it."""

    def __init__(self, *, name, attachment=None, conversion=None, refusal=None):
        self.name, self.attachment, self.conversion = name, attachment, conversion
        self.refusal = refusal

    @classmethod
    def of(cls, outcome):
        if isinstance(outcome, Attachment):
            return cls(name=outcome.original_filename, attachment=outcome)
        if outcome.status == AttachmentConversion.Status.DONE:
            return cls(name=outcome.original_filename, attachment=outcome.attachment,
                       conversion=outcome)
        return cls(name=outcome.original_filename, conversion=outcome, refusal=outcome.refusal)

    @property
    def message(self) -> str:
        if self.refusal:
            return self.refusal.message
        if self.attachment:
            return _("»%(name)s« er gemt som Bilag %(position)s.") % {
                "name": self.name, "position": self.attachment.position}
        return _("»%(name)s« konverteres til PDF …") % {"name": self.name}


def _too_large(request, declared: int):
    name = safe_filename(request.GET.get("navn", "")) if request.GET.get("navn") else ""
    refusal = too_large(name, declared, settings.ATTACHMENT_MAX_BYTES)
    if request.htmx:
        response = render(request, "agendas/attachments/upload_results.html",
                          {"results": [Result(name=name, refusal=refusal)]})
        response.status_code = 413
        return response
    return error_page(request, 413, _("Filen er for stor"), refusal.message)


def _back(request, item: AgendaItem) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return item.get_absolute_url()


@login_required
@require_GET
def attachment_original(request, attachment_id: int):
    """The office file a Bilag was converted from, for the series' secretariat only (a
    Bilag that arrived as a PDF has no other original: it sends its PDF)."""
    attachment = get_object_or_404(Attachment.objects.visible_to(request.user)
                                   .select_related("item"), pk=attachment_id)
    editable = AgendaItem.objects.editable_by(request.user).filter(pk=attachment.item_id)
    if not editable.exists():
        raise PermissionDenied
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
