"""Who was at the meeting: members present or with "Afbud", the minute taker and the guests;
for one item, its own guests and the members who were away during it or declared themselves
"Inhabil". Part of the minutes, so locked with them."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agendas.models import AgendaItem
from agendas.services import agenda_item_update
from common.models import save_versioned
from decisions.models import Attendance, ItemAttendance
from meetings.models import Meeting
from meetings.services import meeting_for_edit, meeting_update


@dataclass(frozen=True)
class Mark:
    """One member's line of an attendance form: what it says now ("" for nothing recorded)
    and the version of the stored row the form was drawn from (None: there was none)."""

    user_id: int
    value: str
    version: int | None


def _conflict() -> ValidationError:
    return ValidationError(_("Fremmødet er blevet ændret af en anden, mens du redigerede. Dine "
                             "ændringer er ikke gemt; se den nye udgave, og prøv igen."),
                           code="conflict")


def _apply(model, rows: dict, marks: list[Mark], field: str, allowed: set[str], create) -> None:
    for mark in marks:
        row = rows.get(mark.user_id)
        if mark.value and mark.value not in allowed:
            raise ValidationError(_("Vælg en af mulighederne på listen."), code="invalid_choice")
        if row is None:
            if mark.version is not None:  # the form showed a row that is gone now
                raise _conflict()
            if mark.value:
                create(mark)
        elif mark.version is None or row.version != mark.version:
            if getattr(row, field) != mark.value:
                raise _conflict()
        elif not mark.value:
            row.delete()
        else:
            save_versioned(row, expected_version=mark.version, fields={field: mark.value})


def attendance_update(*, meeting: Meeting, marks: list[Mark], expected_version: int | None,
                      fields: dict) -> Meeting:
    """Record the members' attendance (`marks`: present, absent or ""), and the meeting's
    minute taker and guests (`fields`, on the meeting's `expected_version`)."""
    with transaction.atomic():
        meeting = meeting_for_edit(meeting.pk)
        members = set(meeting.series.members.values_list("pk", flat=True))
        rows = {row.user_id: row for row in
                Attendance.objects.select_for_update().filter(meeting=meeting)}
        if any(m.user_id not in members and m.user_id not in rows for m in marks):
            raise ValidationError(_("Fremmøde kan kun registreres for seriens medlemmer."),
                                  code="not_a_member")
        _apply(Attendance, rows, marks, "status", set(Attendance.Status.values),
               lambda mark: Attendance.objects.create(meeting=meeting, user_id=mark.user_id,
                                                      status=mark.value))
        changed = {name: value for name, value in fields.items()
                   if getattr(meeting, f"{name}_id" if name == "minute_taker" else name)
                   != (value.pk if name == "minute_taker" and value else value)}
        if changed:
            meeting = meeting_update(meeting=meeting, expected_version=expected_version,
                                     fields=changed)
    return meeting


def item_attendance_update(*, item: AgendaItem, marks: list[Mark], guests: str | None = None,
                           expected_version: int | None = None) -> AgendaItem:
    """Record who was away during the item or "Inhabil" (`marks`: absent, inhabil or "") and,
    when given, the item's own guests (on the item's `expected_version`)."""
    with transaction.atomic():
        meeting = meeting_for_edit(item.meeting_id)
        members = set(meeting.series.members.values_list("pk", flat=True))
        rows = {row.user_id: row for row in
                ItemAttendance.objects.select_for_update().filter(item=item)}
        if any(m.user_id not in members and m.user_id not in rows for m in marks):
            raise ValidationError(_("Fravær og inhabilitet kan kun registreres for seriens "
                                    "medlemmer."), code="not_a_member")
        _apply(ItemAttendance, rows, marks, "kind", set(ItemAttendance.Kind.values),
               lambda mark: ItemAttendance.objects.create(item=item, user_id=mark.user_id,
                                                          kind=mark.value))
        if guests is not None:
            guests = "\n".join(line.strip() for line in guests.splitlines() if line.strip())
            if guests != item.guests:
                agenda_item_update(item=item, expected_version=expected_version,
                                   fields={"guests": guests})
    return item
