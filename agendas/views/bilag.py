"""The editor's Bilag once they are added (adding them is agendas/views/intake.py): rename,
open or closed, a new file, order and removal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from agendas.editor_forms import AttachmentForm
from agendas.models import Attachment
from agendas.services import bilag
from agendas.views.access import (
    attachment_for_editor,
    direction,
    editor_url,
)
from agendas.views.conflicts import merge
from agendas.views.items import ITEM, _entry, _refused, structure_response
from common.models import EditConflict


def _bilag_response(request, item, *, text, status=200):
    if not request.htmx:
        if text:
            messages.success(request, text)
        return redirect(editor_url(item))
    return structure_response(request, item.meeting, fragments=[f"{ITEM}#bilag"],
                              entry_id=item.pk, status_text=text,
                              status=status)


@login_required
@vary_on_headers("HX-Request")
def attachment_edit(request, attachment_id: int):
    """Rename a Bilag, mark it open or closed, or put a new file behind it."""
    attachment = attachment_for_editor(request.user, attachment_id)
    item = attachment.item
    context = {"meeting": item.meeting, "entry": _entry(item.meeting, item.pk),
               "attachment": attachment}
    if request.method == "GET":
        form = None if request.GET.get("vis") == "1" else AttachmentForm(
            instance=attachment, auto_id=f"attachment-{attachment.pk}-%s")
        if not request.htmx:
            if form is None:
                return redirect(editor_url(item))
            return render(request, "agendas/editor/attachment_page.html",
                          {**context, "attachment_form": form})
        return render(request, f"{ITEM}#attachment", {**context, "attachment_form": form})
    form = AttachmentForm(request.POST, request.FILES,
                          instance=Attachment.objects.get(pk=attachment.pk),
                          auto_id=f"attachment-{attachment.pk}-%s")
    notice = None
    if form.is_valid():
        try:
            expected = form.cleaned_data["version"]
            bilag.attachment_update(attachment=form.instance, expected_version=expected,
                                    fields=form.changed_fields())
            upload = form.cleaned_data.get("file")
            if upload:
                bilag.attachment_replace(attachment=form.instance, expected_version=None,
                                         data=upload.read(), filename=upload.name)
        except EditConflict as conflict:
            form, notice = merge(AttachmentForm, posted=form, current=conflict.current,
                                 auto_id=f"attachment-{attachment.pk}-%s")
        except ValidationError as refusal:
            form.add_error("file" if "file" in request.FILES else None, refusal)
        else:
            text = _("%(attachment)s er gemt.") % {"attachment": form.instance}
            return _bilag_response(request, item, text=text)
    context.update(attachment_form=form, conflict=notice)
    status = 409 if notice else 422
    if not request.htmx:
        return render(request, "agendas/editor/attachment_page.html", context, status=status)
    return render(request, f"{ITEM}#attachment", context, status=status)


@login_required
@require_POST
def attachment_move(request, attachment_id: int):
    attachment = attachment_for_editor(request.user, attachment_id)
    try:
        bilag.attachment_move(attachment=attachment,
                              by=direction(request))
    except ValidationError as refusal:
        return _refused(request, attachment.item.meeting, refusal, attachment.item)
    return _bilag_response(request, attachment.item, text=_("Bilaget er flyttet."))


@login_required
@require_POST
def attachment_delete(request, attachment_id: int):
    attachment = attachment_for_editor(request.user, attachment_id)
    item, label = attachment.item, str(attachment)
    try:
        bilag.attachment_delete(attachment=attachment)
    except ValidationError as refusal:
        return _refused(request, item.meeting, refusal, item)
    return _bilag_response(request, item, text=_("%(attachment)s er fjernet.") % {
        "attachment": label})
