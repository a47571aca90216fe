"""History pages: an object's versions, the difference between two of them, restoring one, an
old Bilag file, and the series' audit. Each view starts from history.subjects.find (the
object's visibility rule, then the secretariat)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from agendas.models import Attachment
from agendas.services import item_version_restore
from agendas.services.versions import SCOPES
from decisions.models import Decision
from decisions.services import decision_version_restore
from history.as_sent import sent_moment
from history.diff import diff_documents
from history.documents import document
from history.reasons import change_reason
from history.subjects import SUBJECTS, find
from history.versions import KINDS, as_versions, union
from meetings.viewer import request_viewer

PER_PAGE = 50
SENT = "udsendt"


def _found(request, subject_name: str, pk: int):
    return find(SUBJECTS[subject_name], request_viewer(request), pk)


@require_safe
def versions(request, subject: str, **ids):
    """The object's versions, newest first: who, when, why; a page at a time."""
    found = _found(request, subject, *ids.values())
    subject = found.subject
    page = Paginator(union(subject.version_rows(found.pk)), PER_PAGE).get_page(
        request.GET.get("side"))
    return render(request, "history/versions.html", {
        "found": found, "subject": subject, "page": page,
        "versions": as_versions(page.object_list),
        "diff_url": subject.url("diff", found.pk),
        "sent_at": found.meeting.agenda_sent_at if subject.name in ("item", "meeting") else None,
        "decision": _decision_of(found),
    })


def _decision_of(found):
    if found.subject.name != "item":
        return None
    return Decision.objects.filter(item_id=found.pk).only("pk").first()


def _moment(found, token: str | None, *, default=None):
    """(when, label) of a version token of this object, "udsendt" (the agenda as sent), or
    `default`; 404 for a token that is not one of this object's versions."""
    if not token:
        return default
    if token == SENT:
        sent_at = sent_moment(found.meeting)
        if sent_at is None:
            raise Http404
        return sent_at, _("Som udsendt %(when)s") % {
            "when": timezone.localtime(sent_at).strftime("%d-%m-%Y %H:%M")}
    letter, number = token[:1], token[1:]
    if letter not in found.subject.letters or not number.isdigit() or len(number) > 18:
        raise Http404
    kind = KINDS[letter]
    owner = {"id": found.pk} if kind.owner_field == "pk" else {kind.owner_field: found.pk}
    when = (kind.history.objects.filter(history_id=int(number), **owner)
            .values_list("history_date", flat=True).first())
    if when is None:
        raise Http404
    return when, _("Version %(when)s") % {
        "when": timezone.localtime(when).strftime("%d-%m-%Y %H:%M:%S")}


@require_safe
def diff(request, subject: str, **ids):
    """Two versions side by side, field by field: ?fra=<version or "udsendt">&til=<version>.
    Without `til`, the object as it is now; without `fra`, the version just before `til`."""
    found = _found(request, subject, *ids.values())
    now = timezone.now()
    new_at, new_label = _moment(found, request.GET.get("til"), default=(now, _("Nu")))
    token_from = request.GET.get("fra")
    if token_from:
        old_at, old_label = _moment(found, token_from)
        strict = False
    else:
        old_at, old_label, strict = new_at, _("Versionen før"), True
    changes = diff_documents(document(found.subject, found.pk, old_at, strict=strict),
                             document(found.subject, found.pk, new_at))
    return render(request, "history/diff.html", {
        "found": found, "subject": found.subject, "changes": changes,
        "changed": [c for c in changes if c.changed],
        "old_label": old_label, "new_label": new_label,
        **_restore_offer(found, request.GET.get("til"), token_from, new_label, old_label),
        "restore_url": found.subject.url("restore", found.pk) if found.subject.restorable
        else "",
        "list_url": found.subject.url("list", found.pk),
        "scopes": _scopes() if found.subject.name == "item" else [],
    })


def _restore_offer(found, token_to, token_from, new_label, old_label) -> dict:
    """The version the page offers to restore: the newer one shown, or (the difference from
    the agenda as sent to now) the agenda as sent."""
    if not found.subject.restorable or found.obj is None:
        return {"restore_token": ""}
    if token_to:
        return {"restore_token": token_to, "restore_label": new_label}
    if token_from == SENT:
        return {"restore_token": SENT, "restore_label": old_label}
    return {"restore_token": ""}


def _scopes():
    labels = {"all": _("Punktet og indstillingen"), "item": _("Kun punktets felter"),
              "memo": _("Kun indstillingen")}
    return [(scope, labels[scope]) for scope in SCOPES]


@require_POST
def restore(request, subject: str, **ids):
    """Make the object read as the version `version` again (a new version, with its reason)."""
    found = _found(request, subject, *ids.values())
    if not found.subject.restorable or found.obj is None:
        raise Http404
    token = request.POST.get("version", "")
    moment = _moment(found, token)
    if moment is None:
        raise Http404
    when, label = moment
    reason = (request.POST.get("reason") or "").strip() or _("Gendannet: %(version)s") % {
        "version": label}
    try:
        with change_reason(reason):
            if found.subject.name == "item":
                scope = request.POST.get("scope", "all")
                item_version_restore(item=found.obj, moment=when,
                                     scope=scope if scope in SCOPES else "all")
            else:
                decision_version_restore(decision=found.obj, moment=when)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{found.subject.url('diff', found.pk)}?til={token}")
    messages.success(request, _("Versionen er gendannet. Gendannelsen står øverst i historikken."))
    return redirect(found.subject.url("list", found.pk))


@require_safe
def attachment_file(request, attachment_id: int):
    """The file of a version of a Bilag (?version=b<history id>, the newest without it;
    &original=1 for the office file it was converted from): the secretariat's, as the rest
    of the history."""
    found = _found(request, "attachment", attachment_id)
    rows = Attachment.history.filter(id=found.pk).exclude(history_type="-")
    token = request.GET.get("version")
    if token:
        _moment(found, token)  # 404 unless it is one of this Bilag's versions
        rows = rows.filter(history_id=int(token[1:]))
    row = rows.order_by("-history_date", "-history_id").first()
    if row is None:
        raise Http404
    name = row.original_file if request.GET.get("original") == "1" else row.file
    if not name:
        raise Http404
    field = Attachment._meta.get_field("file")
    try:
        handle = field.storage.open(str(name), "rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True,
                            filename=str(name).rsplit("/", 1)[-1],
                            content_type="application/pdf" if request.GET.get("original") != "1"
                            else "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

