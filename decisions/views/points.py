"""An item's decision points: added by hand, from a phrase or as the draft answering a
recommendation point; their outcome and answers changed; removed. And the item's way out when
it was not treated (onto the next meeting), or, under "Referat", the previous minutes'
approval."""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.models import EditConflict
from decisions import services
from decisions.forms import PointAddForm, PointEditForm
from decisions.views.access import item_for_editor, point_for_editor
from decisions.views.editor import done, editor_url, links, refused

# After a point changes: its list, and the memo's drafts beside it (answered or not).
POINT_PARTS = ("points", "drafts", "suggestions")


@login_required
@require_POST
def point_add(request, item_id: int):
    """`phrase` (its place in the series' list), `recommendation` (the draft answering it) or
    the form's own text, outcome and answers."""
    item = item_for_editor(request.user, item_id)
    try:
        if "phrase" in request.POST:
            phrases = services.phrases_for(item.meeting.series)
            try:
                text, outcome = phrases[int(request.POST["phrase"])]
            except (ValueError, IndexError):
                raise ValidationError(_("Standardteksten findes ikke længere. Genindlæs "
                                        "siden, og prøv igen.")) from None
            point = services.point_add(item=item, text=text, outcome=outcome)
        elif "recommendation" in request.POST:
            chosen = request.POST["recommendation"]
            recommendation = get_object_or_404(item.recommendations,
                                               pk=int(chosen) if chosen.isdigit() else 0)
            point = services.point_from_recommendation(recommendation=recommendation)
        else:
            form = PointAddForm(request.POST, item=item)
            if not form.is_valid():
                return refused(request, item, ValidationError(
                    [e for errors in form.errors.values() for e in errors]),
                    parts=POINT_PARTS, point_form=form)
            point = services.point_add(item=item, **form.cleaned_data)
    except ValidationError as refusal:
        return refused(request, item, refusal, parts=POINT_PARTS)
    return done(request, item, _("Punkt %(number)s) er tilføjet.") % {"number": point.number},
                parts=POINT_PARTS, focus=f"point-{point.pk}-text")


@login_required
def point_edit(request, point_id: int):
    """A point's outcome and answers (POST; its text saves itself, see texts.py)."""
    point = point_for_editor(request.user, point_id)
    item = point.decision.item
    if request.method != "POST":
        return redirect(editor_url(item))
    form = PointEditForm(request.POST, instance=point)
    if not form.is_valid():
        return refused(request, item, ValidationError(
            [e for errors in form.errors.values() for e in errors]), parts=POINT_PARTS)
    try:
        services.decision_point_update(point=point, expected_version=form.cleaned_data["version"],
                                       fields={"outcome": form.cleaned_data["outcome"]},
                                       answers=form.cleaned_data["answers"])
    except (ValidationError, EditConflict) as refusal:
        return refused(request, item, refusal, parts=POINT_PARTS)
    if not request.htmx:
        return done(request, item, _("Punktet er gemt."))
    # The point's own fields stay as the minute taker set them; only its version moves on.
    response = HttpResponse(status=204)
    response["HX-Trigger"] = json.dumps({"referat:versions": {f"point-{point.pk}": point.version},
                                         "referat:saved": _("Punktet er gemt.")})
    return response


@login_required
@require_POST
def point_delete(request, point_id: int):
    point = point_for_editor(request.user, point_id)
    item = point.decision.item
    try:
        services.decision_point_delete(point=point)
    except ValidationError as refusal:
        return refused(request, item, refusal, parts=POINT_PARTS)
    return done(request, item, _("Beslutningspunktet er slettet."), parts=POINT_PARTS,
                focus=f"item-{item.pk}-new-point-text")


@login_required
@require_POST
def item_defer(request, item_id: int):
    """"Punktet blev ikke behandlet": onto the series' next meeting with its memo and Bilag."""
    item = item_for_editor(request.user, item_id)
    try:
        copy = services.item_defer(item=item)
    except ValidationError as refusal:
        return refused(request, item, refusal, parts=POINT_PARTS)
    return done(request, item, _("Punktet er sat på dagsordenen til mødet den %(date)s som "
                                 "Punkt %(number)s, med indstilling og bilag.") % {
        "date": date_format(copy.meeting.date, "DATE_FORMAT"), "number": copy.number},
        parts=POINT_PARTS)


@login_required
@require_POST
def previous_minutes_approve(request, item_id: int):
    """Under this meeting's "Referat": approve the previous meeting's minutes."""
    item = item_for_editor(request.user, item_id)
    previous = services.previous_meeting(item.meeting)
    try:
        services.previous_minutes_approve(item=item, by=request.user,
                                          links=links(request, previous) if previous else None)
    except ValidationError as refusal:
        return refused(request, item, refusal, parts=POINT_PARTS)
    return done(request, item, _("Referatet af mødet den %(date)s er godkendt på dette møde.")
                % {"date": date_format(previous.date, "DATE_FORMAT")}, parts=POINT_PARTS)
