"""Autosave: the discussion and each point's text as the minute taker types them
(static/js/minutes.js sends them, common/autosave.py has the rules). The answer is JSON for
the script: the version now stored, or why not; a conflict answers 409 with both texts to
choose between."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agendas.views.conflicts import changed_by
from common.forms import RichTextField
from common.models import EditConflict
from common.richtext import html_to_plain, plain_text_says_it, render_richtext
from decisions import services
from decisions.views.access import item_for_editor, point_for_editor


class AutosaveForm(forms.Form):
    # The version the page saw (0: no decision yet). Required: a save without it could not
    # tell someone else's newer text from its own.
    version = forms.IntegerField(min_value=0)
    client = forms.CharField(max_length=40)
    seq = forms.IntegerField(min_value=1)


class DiscussionForm(AutosaveForm):
    text = RichTextField(max_length=100_000)


class PointTextForm(AutosaveForm):
    text = forms.CharField(max_length=5000, required=False, strip=False)


def _bad_request(form) -> JsonResponse:
    return JsonResponse({"state": "refused", "message": _(
        "Teksten kunne ikke gemmes: siden sendte den ufuldstændigt. Genindlæs siden; teksten "
        "er gemt i browseren og sættes ind igen.")}, status=400)


def _saved(result) -> JsonResponse:
    when = timezone.localtime().strftime("%H.%M")
    return JsonResponse({
        "state": "saved" if result.applied else "ignored",
        "version": result.instance.version,
        "message": _("Gemt kl. %(time)s") % {"time": when},
    })


def _refused(refusal: ValidationError) -> JsonResponse:
    return JsonResponse({"state": "refused", "message": " ".join(refusal.messages)}, status=422)


def _conflict(request, conflict: EditConflict, mine: str, *, rich: bool) -> JsonResponse:
    current = conflict.current
    theirs = current.text if current is not None else ""
    who, when = changed_by(current) if current is not None else (None, None)
    html = render_to_string("decisions/_autosave_conflict.html", {
        "who": who, "when": when, "deleted": current is None,
        "mine": render_richtext(mine) if rich else mine,
        "theirs": render_richtext(theirs) if rich else theirs,
    }, request)
    return JsonResponse({
        "state": "conflict", "html": html,
        "version": current.version if current is not None else 0,
        # The stored text in the form the field holds it (rich text or plain lines).
        "theirs": theirs, "theirs_plain": html_to_plain(theirs) if rich else theirs,
        "plain_ok": plain_text_says_it(theirs) if rich else True,
    }, status=409)


@login_required
@require_POST
def decision_text(request, item_id: int):
    item = item_for_editor(request.user, item_id)
    form = DiscussionForm(request.POST)
    if not form.is_valid():
        return _bad_request(form)
    data = form.cleaned_data
    try:
        result = services.decision_text_autosave(
            item=item, text=data["text"], expected_version=data["version"],
            client=data["client"], seq=data["seq"], by=request.user)
    except EditConflict as conflict:
        return _conflict(request, conflict, data["text"], rich=True)
    except ValidationError as refusal:
        return _refused(refusal)
    return _saved(result)


@login_required
@require_POST
def point_text(request, point_id: int):
    point = point_for_editor(request.user, point_id)
    form = PointTextForm(request.POST)
    if not form.is_valid():
        return _bad_request(form)
    data = form.cleaned_data
    try:
        result = services.point_text_autosave(
            point=point, text=data["text"], expected_version=data["version"],
            client=data["client"], seq=data["seq"], by=request.user)
    except EditConflict as conflict:
        return _conflict(request, conflict, data["text"], rich=False)
    except ValidationError as refusal:
        return _refused(refusal)
    return _saved(result)
