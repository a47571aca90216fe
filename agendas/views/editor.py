"""The meeting editor's page, its header, and a new meeting from its series."""

import datetime as dt
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from agendas.attachments.refusals import upload_limit
from agendas.editing import editor_items, plan_summary
from agendas.editor_forms import NewItemForm
from agendas.services import meeting_create as create_meeting
from agendas.views.access import answer, editor_url, meeting_for_editor
from agendas.views.conflicts import merge
from common.models import EditConflict
from meetings import services as lifecycle
from meetings.access import series_for_editor
from meetings.forms import MeetingCreateForm, MeetingHeaderForm
from meetings.models import Meeting, MeetingSeries

EDITOR = "agendas/editor/editor.html"


def structure_response(request, meeting, *, fragments=(), status_text="", focus=None,
                       status=200, entry_id=None, **context):
    """`fragments` (template#partial names) rendered in turn, then every item's summary and
    the time plan out of band, and the order for editor.js. `entry_id`: the item the fragments
    show, taken from the same read of the meeting."""
    ctx = editor_context(meeting, status_text=status_text, **context)
    if entry_id is not None:
        ctx["entry"] = next(entry for entry in ctx["entries"] if entry.item.pk == entry_id)
    body = "".join(render_to_string(name, ctx, request) for name in fragments)
    body += render_to_string(f"{EDITOR}#structure", ctx, request)
    response = HttpResponse(body, status=status)
    # After the settle, so that the elements to order and to focus are in the page.
    response["HX-Trigger-After-Settle"] = json.dumps({"referat:order": {
        "ids": [entry.item.pk for entry in ctx["entries"]], "focus": focus}})
    return response


def editor_context(meeting: Meeting, **extra) -> dict:
    entries = editor_items(meeting)
    return {"meeting": meeting, "entries": entries, "plan": plan_summary(meeting, entries),
            "new_item_form": NewItemForm(auto_id="new-item-%s"), "upload_limit": upload_limit(),
            "next_step": lifecycle.next_step(meeting), **extra}


@login_required
def meeting_editor(request, meeting_id: int):
    """The whole agenda on one page: header, items with their memos, sub-items and Bilag, the
    time plan, and sending."""
    meeting = meeting_for_editor(request.user, meeting_id)
    return render(request, EDITOR, editor_context(
        meeting, header_form=None, deleted=request.session.pop("editor_undo", None),
        locked=lifecycle.locked_message(meeting) if meeting.minutes_locked else None))


@login_required
@vary_on_headers("HX-Request")
def meeting_header(request, meeting_id: int):
    """The header as text (GET ?vis=1 or after a save) or as a form (GET, or a POST with
    errors)."""
    meeting = meeting_for_editor(request.user, meeting_id)
    if request.method == "GET":
        if request.GET.get("vis") == "1":
            return answer(request, EDITOR, editor_context(meeting), partial="header",
                          fallback=editor_url(meeting))
        form = MeetingHeaderForm(instance=meeting, auto_id="meeting-%s")
        return answer(request, EDITOR, editor_context(meeting, header_form=form),
                      partial="header")
    form = MeetingHeaderForm(request.POST, instance=Meeting.objects.get(pk=meeting.pk),
                             auto_id="meeting-%s")
    if form.is_valid():
        try:
            lifecycle.meeting_update(meeting=form.instance,
                                     expected_version=form.cleaned_data["version"],
                                     fields=form.changed_fields())
        except EditConflict as conflict:
            form, notice = merge(MeetingHeaderForm, posted=form, current=conflict.current,
                                 auto_id="meeting-%s")
            return answer(request, EDITOR, editor_context(meeting, header_form=form,
                                                          conflict=notice),
                          partial="header", status=409)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            meeting.refresh_from_db()
            text = _("Mødets oplysninger er gemt.")
            if not request.htmx:
                messages.success(request, text)
                return redirect(editor_url(meeting))
            return structure_response(request, meeting, fragments=[f"{EDITOR}#header"],
                                      status_text=text)
    return answer(request, EDITOR, editor_context(meeting, header_form=form), partial="header",
                  status=422)


def suggested_date(series: MeetingSeries) -> dt.date:
    """The next meeting's likely date: a week after the latest one, on the same weekday, and
    not before tomorrow."""
    latest = series.meetings.order_by("-date").values_list("date", flat=True).first()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    if latest is None:
        return tomorrow
    candidate = latest + dt.timedelta(days=7)
    while candidate < tomorrow:
        candidate += dt.timedelta(days=7)
    return candidate


@login_required
def meeting_create(request, series_id: int):
    """"Ny mødeindkaldelse": a meeting from the series' defaults (date, times, place) with its
    standard items in place, then straight into the editor."""
    series = series_for_editor(request.user, series_id)
    initial = {"date": suggested_date(series), "start_time": series.default_start_time,
               "end_time": series.default_end_time, "location": series.default_location}
    form = MeetingCreateForm(request.POST or None, initial=initial,
                             instance=Meeting(series=series))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            meeting = create_meeting(series=series, **fields)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("Mødet er oprettet med seriens standardpunkter. Tilføj "
                                        "punkterne, og send dagsordenen, når den er klar."))
            return redirect(editor_url(meeting))
    return render(request, "agendas/editor/meeting_create.html",
                  {"series": series, "form": form,
                   "standard_items": list(series.standard_items.all())},
                  status=422 if form.errors else 200)
