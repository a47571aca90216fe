"""Follow-ups: recorded with the decision in the minute taker's screen, tracked to done on the
board across meetings (and exported as CSV), and put on a later meeting's agenda from its
"Opfølgning" panel."""

import csv
import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from common.models import EditConflict
from decisions import board, services
from decisions.editing import people_of
from decisions.forms import FollowUpForm, FollowUpStatusForm
from decisions.models import FollowUp
from decisions.views.access import (
    follow_up_for_editor,
    follow_up_for_tracker,
    item_for_editor,
    meeting_for_editor,
)
from decisions.views.editor import ITEM, done, editor_url, item_context, refused

FOLLOW_UP_PARTS = ("follow-ups", "suggestions")
BOARD = "decisions/follow_ups.html"
PANEL = "decisions/follow_up_panel.html"
PAGE_SIZE = 25


def _form_refusal(form) -> ValidationError:
    return ValidationError([e for errors in form.errors.values() for e in errors])


@login_required
@require_POST
def follow_up_add(request, item_id: int):
    """A follow-up of the item's decision (created with the decision when it has none)."""
    item = item_for_editor(request.user, item_id)
    form = FollowUpForm(request.POST, people=people_of(item.meeting),
                        auto_id=f"item-{item.pk}-follow-up-%s")
    if not form.is_valid():
        return refused(request, item, _form_refusal(form), parts=FOLLOW_UP_PARTS,
                       follow_up_form=form)
    try:
        decision = services.decision_get_or_create(item=item)
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        follow_up = services.follow_up_create(decision=decision, **fields)
    except ValidationError as refusal:
        return refused(request, item, refusal, parts=FOLLOW_UP_PARTS, follow_up_form=form)
    return done(request, item, _("Opfølgningen for %(owner)s er oprettet.") % {
        "owner": follow_up.owner}, parts=FOLLOW_UP_PARTS)


@login_required
@vary_on_headers("HX-Request")
def follow_up_edit(request, follow_up_id: int):
    """One follow-up as a form in the minute taker's screen (GET), saved on POST."""
    follow_up = follow_up_for_editor(request.user, follow_up_id)
    item = follow_up.decision.item
    people = people_of(item.meeting)
    auto_id = f"follow-up-{follow_up.pk}-%s"
    if request.method == "GET":
        if not request.htmx:
            return redirect(editor_url(item))
        return render(request, f"{ITEM}#follow-ups", item_context(
            item, editing=follow_up.pk,
            edit_form=FollowUpForm(instance=follow_up, people=people, auto_id=auto_id)))
    form = FollowUpForm(request.POST, instance=FollowUp.objects.get(pk=follow_up.pk),
                        people=people, auto_id=auto_id)
    if not form.is_valid():
        return refused(request, item, _form_refusal(form), parts=FOLLOW_UP_PARTS,
                       editing=follow_up.pk, edit_form=form)
    fields = {k: v for k, v in form.changed_fields().items() if k != "version"}
    if not fields.get("opened_on"):
        fields["opened_on"] = follow_up.opened_on
    try:
        services.follow_up_update(follow_up=follow_up, expected_version=form.cleaned_data[
            "version"], fields=fields)
    except (ValidationError, EditConflict) as refusal:
        return refused(request, item, refusal, parts=FOLLOW_UP_PARTS, editing=follow_up.pk,
                       edit_form=form)
    return done(request, item, _("Opfølgningen er gemt."), parts=FOLLOW_UP_PARTS)


@login_required
@require_POST
def follow_up_delete(request, follow_up_id: int):
    follow_up = follow_up_for_editor(request.user, follow_up_id)
    item = follow_up.decision.item
    try:
        services.follow_up_delete(follow_up=follow_up)
    except ValidationError as refusal:
        return refused(request, item, refusal, parts=FOLLOW_UP_PARTS)
    return done(request, item, _("Opfølgningen er slettet."), parts=FOLLOW_UP_PARTS)


@login_required
@require_POST
def follow_up_status(request, follow_up_id: int):
    """Its owner or the secretariat moves it on: open, in progress, done, cancelled."""
    follow_up = follow_up_for_tracker(request.user, follow_up_id)
    form = FollowUpStatusForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.follow_up_set_status(follow_up=follow_up, status=form.cleaned_data["status"],
                                          by=request.user, on=form.cleaned_data["closed_on"],
                                          expected_version=form.cleaned_data["version"])
        except (ValidationError, EditConflict) as refusal:
            error = (" ".join(refusal.messages) if isinstance(refusal, ValidationError)
                     else str(refusal))
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    if not request.htmx:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("Status er gemt."))
        back = request.POST.get("tilbage", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = reverse("decisions:follow_ups")
        return redirect(back)
    today = timezone.localdate()
    row = board.follow_ups(request.user, board.Filters(status=board.ALL), today).get(
        pk=follow_up.pk)
    row.overdue, row.can_track = row.is_overdue(today), True
    status = 200 if error is None else (409 if "ændret af en anden" in error else 422)
    return render(request, f"{BOARD}#follow-up-row", {
        "row": row, "today": today, "follow_up_statuses": FollowUp.Status.choices,
        "row_error": error, "row_saved": error is None}, status=status)


@dataclass
class BoardPage:
    """One page of the board: its rows, its number, and whether there are more after it."""

    rows: list
    number: int
    has_next: bool
    total: int  # counted up to board.COUNT_LIMIT + 1

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def total_is_bounded(self) -> bool:
        return self.total > board.COUNT_LIMIT


def _page(rows, number: str, *, user, today) -> BoardPage:
    number = int(number) if number.isdigit() and int(number) > 0 else 1
    offset = (number - 1) * PAGE_SIZE
    found = list(rows[offset:offset + PAGE_SIZE + 1])
    tracked = board.tracked_series(user)
    for row in found:
        row.overdue = row.is_overdue(today)
        row.can_track = (user.is_superuser or row.owner_user_id == user.pk
                         or row.decision.item.meeting.series_id in tracked)
    has_next = len(found) > PAGE_SIZE
    # A first page that holds them all has counted them already.
    total = (len(found) if number == 1 and not has_next
             else board.bounded_count(rows, board.COUNT_LIMIT))
    return BoardPage(rows=found[:PAGE_SIZE], number=number, has_next=has_next, total=total)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def follow_up_board(request):
    """Every follow-up the reader may see, across meetings: filtered by owner, series, status
    and overdue, "Mine opfølgninger", sorted by due date, 25 to a page."""
    filters = board.parse(request.GET)
    today = timezone.localdate()
    page = _page(board.follow_ups(request.user, filters, today), request.GET.get("side", ""),
                 user=request.user, today=today)
    template = BOARD + ("#board-results" if request.htmx else "")
    return render(request, template, {
        "filters": filters, "page": page, "rows": page.rows, "today": today,
        "people": board.people(request.user), "count_limit": board.COUNT_LIMIT,
        "series_list": board.series_choices(request.user),
        "statuses": board.STATUS_CHOICES, "sorts": board.SORTS,
        "follow_up_statuses": FollowUp.Status.choices, "query": filters.query(),
    })


class _Echo:
    def write(self, value):
        return value


def _date(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


@login_required
@require_GET
def follow_up_csv(request):
    """The board's follow-ups (with its filters) as CSV that Excel opens with æøå intact:
    UTF-8 with a byte order mark, semicolons as in a Danish Excel."""
    filters = board.parse(request.GET)
    today = timezone.localdate()
    rows = board.follow_ups(request.user, filters, today)
    writer = csv.writer(_Echo(), delimiter=";")
    header = [_("Møde"), _("Dato"), _("Punkt"), _("Opfølgning"), _("Ansvarlig"), _("Oprettet"),
              _("Frist"), _("Status"), _("Afsluttet"), _("Overskredet")]

    def lines():
        yield "\ufeff" + writer.writerow(header)
        for row in rows.iterator(chunk_size=2000):
            item = row.decision.item
            meeting = item.meeting
            yield writer.writerow([
                meeting.series.name, _date(meeting.date),
                str(item) if row.item_visible else _("Punkt %(number)s") % {
                    "number": item.number},
                row.description, row.owner, _date(row.opened_on), _date(row.due_date),
                row.get_status_display(), _date(row.closed_on),
                _("ja") if row.is_overdue(today) else ""])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="opfoelgninger-{today:%Y-%m-%d}.csv"')
    response["Cache-Control"] = "private, no-store"
    return response


def panel_context(meeting, **extra) -> dict:
    return {"meeting": meeting, "follow_ups": list(services.open_follow_ups_before(meeting)),
            "today": timezone.localdate(), "editable": not meeting.minutes_locked, **extra}


@login_required
@vary_on_headers("HX-Request")
def follow_up_panel(request, meeting_id: int):
    """"Opfølgning": the series' open follow-ups from earlier meetings, for the secretariat to
    put on this meeting's agenda. The meeting editor loads it as a fragment."""
    meeting = meeting_for_editor(request.user, meeting_id)
    template = PANEL + ("#follow-up-panel" if request.htmx else "")
    return render(request, template, panel_context(meeting))


@login_required
@require_POST
def follow_up_schedule(request, meeting_id: int, follow_up_id: int):
    """Put a follow-up on this meeting's agenda, before the closing standard items."""
    meeting = meeting_for_editor(request.user, meeting_id)
    follow_up = follow_up_for_editor(request.user, follow_up_id)
    try:
        follow_up = services.follow_up_schedule(follow_up=follow_up, meeting=meeting)
    except ValidationError as refusal:
        text, status = " ".join(refusal.messages), 422
    else:
        text, status = _("»%(title)s« er sat på dagsordenen som Punkt %(number)s.") % {
            "title": follow_up.agenda_item.title, "number": follow_up.agenda_item.number}, 200
    if not request.htmx:
        (messages.success if status == 200 else messages.error)(request, text)
        return redirect("decisions:follow_up_panel", meeting.pk)
    context = panel_context(meeting, status_text=text, refusal=text if status != 200 else "")
    if status == 200 and _from_agenda_editor(request, meeting):
        # In the agenda editor: the new item and the editor's own summaries come along.
        from agendas.views.editor import structure_response

        return structure_response(request, meeting, fragments=[f"{PANEL}#follow-up-panel"],
                                  new_item_id=follow_up.agenda_item_id, status_text=text,
                                  **{k: v for k, v in context.items()
                                     if k not in ("meeting", "status_text")})
    return render(request, f"{PANEL}#follow-up-panel", context, status=status)


def _from_agenda_editor(request, meeting) -> bool:
    current = request.htmx.current_url_abs_path or ""
    return current.startswith(reverse("agendas:meeting_editor", args=[meeting.pk]))

