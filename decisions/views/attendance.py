"""Attendance in the minute taker's screen: the meeting's (members, minute taker, guests) and
one item's (its guests, who was away during it, who was "Inhabil")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from common.models import EditConflict
from decisions import services
from decisions.editing import minutes_screen
from decisions.views.access import item_for_editor, meeting_for_editor
from decisions.views.editor import EDITOR, done, editor_url, refused
from meetings.models import Meeting


def _version(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _marks(post, members) -> list[services.Mark]:
    """One line per member of the form: `fremmoede-<id>` and the version it was drawn from."""
    return [services.Mark(user.pk, post.get(f"fremmoede-{user.pk}", ""),
                          _version(post.get(f"version-{user.pk}", "")))
            for user in members if f"fremmoede-{user.pk}" in post]


@login_required
@vary_on_headers("HX-Request")
def attendance(request, meeting_id: int):
    """Who came: each member present or "Afbud", the minute taker, the meeting's guests."""
    meeting = meeting_for_editor(request.user, meeting_id)
    meeting = Meeting.objects.select_related("series", "minute_taker").get(pk=meeting.pk)
    context = {"meeting": meeting, "editable": not meeting.minutes_locked}
    if request.method == "POST":
        screen = minutes_screen(meeting, item_ids=[])
        people = {str(p.pk): p for p in screen.people}
        taker = request.POST.get("minute_taker", "")
        if taker and taker not in people:
            refusal = ValidationError(_("Vælg referenten blandt seriens personer."))
        else:
            refusal = None
            try:
                services.attendance_update(
                    meeting=meeting, marks=_marks(request.POST, screen.members),
                    expected_version=_version(request.POST.get("version", "")),
                    fields={"minute_taker": people.get(taker),
                            "guests": "\n".join(line.strip() for line in request.POST.get(
                                "guests", "").splitlines() if line.strip())})
            except (ValidationError, EditConflict) as error:
                refusal = error
        meeting.refresh_from_db()
        if refusal is not None:
            text = (" ".join(refusal.messages) if isinstance(refusal, ValidationError)
                    else str(refusal))
            if not request.htmx:
                messages.error(request, text)
                return redirect(editor_url(meeting))
            context.update(refusal=text)
            status = 409 if isinstance(refusal, EditConflict) or "ændret af en anden" in text \
                else 422
            return render(request, f"{EDITOR}#attendance",
                          {**context, "screen": minutes_screen(meeting, item_ids=[])},
                          status=status)
        text = _("Fremmødet er gemt.")
        if not request.htmx:
            messages.success(request, text)
            return redirect(editor_url(meeting))
        context["status_text"] = text
    elif not request.htmx:
        return redirect(editor_url(meeting) + "#fremmoede")
    return render(request, f"{EDITOR}#attendance",
                  {**context, "screen": minutes_screen(meeting, item_ids=[])})


@login_required
@require_POST
def item_attendance(request, item_id: int):
    """The item's own guests, and who was away during it or "Inhabil"."""
    item = item_for_editor(request.user, item_id)
    members = minutes_screen(item.meeting, item_ids=[]).members
    try:
        services.item_attendance_update(
            item=item, marks=_marks(request.POST, members), guests=request.POST.get("guests"),
            expected_version=_version(request.POST.get("item_version", "")))
    except (ValidationError, EditConflict) as refusal:
        return refused(request, item, refusal, parts=("item-attendance",))
    return done(request, item, _("Fremmødet under punktet er gemt."),
                parts=("item-attendance",))
