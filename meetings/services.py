"""A meeting's header and lifecycle: draft → agenda sent → minutes draft → minutes approved →
published, one step at a time, each recorded with who took it; a step back only through
`meeting_reopen`, with a reason.

`meeting_for_edit` is the gate every change to a meeting's content passes (items, memos,
attachments, decisions, here and in the apps above): it locks the meeting row for the rest of
the transaction and refuses once the minutes are approved.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.models import save_versioned
from meetings.models import Meeting, StatusChange
from meetings.notifications import agenda_sent

Status = Meeting.Status
_NEXT = {
    Status.DRAFT: Status.AGENDA_SENT,
    Status.AGENDA_SENT: Status.MINUTES_DRAFT,
    Status.MINUTES_DRAFT: Status.MINUTES_APPROVED,
    Status.MINUTES_APPROVED: Status.PUBLISHED,
}
# Where a step back lands, and what it undoes.
_BACK = {
    Status.AGENDA_SENT: (Status.DRAFT, {"agenda_sent_at": None, "agenda_sent_by": None}),
    Status.MINUTES_APPROVED: (Status.MINUTES_DRAFT, {
        "minutes_approved_at": None, "minutes_approved_by": None, "minutes_approved_in": None}),
    Status.PUBLISHED: (Status.MINUTES_DRAFT, {
        "minutes_approved_at": None, "minutes_approved_by": None, "minutes_approved_in": None,
        "published_at": None}),
}
# Written by the steps above only, never by a form.
LIFECYCLE_FIELDS = frozenset({
    "status", "agenda_sent_at", "agenda_sent_by", "minutes_approved_at", "minutes_approved_by",
    "minutes_approved_in", "published_at", "cancelled_at", "calendar_sequence"})
# A change of these moves the meeting in its readers' calendars (a new iCalendar SEQUENCE).
CALENDAR_FIELDS = ("date", "start_time", "end_time", "location")


def locked_message(meeting: Meeting) -> str:
    return _("Referatet af mødet %(meeting)s er godkendt, så punkter, indstillinger, bilag og "
             "beslutninger kan ikke ændres. Genåbn mødet med en begrundelse, hvis der skal "
             "rettes noget.") % {"meeting": f"{meeting.date:%d-%m-%Y}"}


def meeting_for_edit(meeting_id: int) -> Meeting:
    """Lock the meeting for the rest of the transaction and return it as stored, or refuse with
    a Danish message when its minutes are approved or published. Call inside a transaction."""
    meeting = Meeting.objects.select_for_update().select_related("series").get(pk=meeting_id)
    if meeting.minutes_locked:
        raise ValidationError(locked_message(meeting), code="locked")
    return meeting


def meeting_update(*, meeting: Meeting, expected_version: int | None, fields: dict) -> Meeting:
    """Change the meeting's header (date, times, place, information …), never its status."""
    if LIFECYCLE_FIELDS & set(fields):
        raise ValueError(f"lifecycle fields go through the lifecycle steps: {sorted(fields)}")
    with transaction.atomic():
        stored = meeting_for_edit(meeting.pk)
        if any(name in fields and fields[name] != getattr(stored, name)
               for name in CALENDAR_FIELDS):
            fields = {**fields, "calendar_sequence": stored.calendar_sequence + 1}
        return save_versioned(meeting, expected_version=expected_version, fields=fields)


def _step(meeting: Meeting, to: str, *, by, reason: str = "", **fields) -> Meeting:
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        allowed = _NEXT.get(current.status) == to or (
            current.status in _BACK and _BACK[current.status][0] == to and reason)
        if not allowed:
            raise ValidationError(
                _("Mødet har status »%(status)s« og kan ikke gå direkte til »%(target)s«.")
                % {"status": current.get_status_display(), "target": Status(to).label},
                code="invalid_step")
        StatusChange.objects.create(meeting=meeting, from_status=current.status, to_status=to,
                                    by=by if by and by.is_authenticated else None,
                                    at=timezone.now(), reason=reason)
        meeting._change_reason = reason or Status(to).label  # the history row says why
        save_versioned(meeting, expected_version=None, fields={"status": to, **fields})
    return meeting


def meeting_send_agenda(*, meeting: Meeting, by=None, link: str | None = None) -> Meeting:
    """Send the agenda: from now on item numbers are fixed. With `link` (the meeting page's
    address), the series' members get an e-mail with it once the step is committed."""
    if not meeting.items.exists():
        raise ValidationError(_("En dagsorden uden punkter kan ikke sendes. Tilføj mindst ét "
                                "punkt først."), code="empty")
    with transaction.atomic():
        _step(meeting, Status.AGENDA_SENT, by=by, agenda_sent_at=timezone.now(),
              agenda_sent_by=by if by and by.is_authenticated else None)
        if link:
            transaction.on_commit(lambda: agenda_sent(meeting=meeting, link=link))
    return meeting


def minutes_start(*, meeting: Meeting, by=None) -> Meeting:
    return _step(meeting, Status.MINUTES_DRAFT, by=by)


def minutes_approve(*, meeting: Meeting, by, at_meeting: Meeting | None = None) -> Meeting:
    """Record who approved the minutes, when, and at which meeting; they are locked after it."""
    return _step(meeting, Status.MINUTES_APPROVED, by=by, minutes_approved_at=timezone.now(),
                 minutes_approved_by=by, minutes_approved_in=at_meeting)


def meeting_publish(*, meeting: Meeting, by=None) -> Meeting:
    """Make the meeting public: open items, open attachments and decisions reach everyone."""
    return _step(meeting, Status.PUBLISHED, by=by, published_at=timezone.now())


def meeting_reopen(*, meeting: Meeting, by, reason: str) -> Meeting:
    """Take one step back, recorded with who, when and why: a sent agenda back to draft (its
    numbers may follow the order again), approved or published minutes back to a draft that
    can be changed (a published meeting stops being public until it is published again)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Skriv, hvorfor mødet genåbnes. Begrundelsen gemmes i mødets "
                                "historik."), code="reason_required")
    current = Meeting.objects.get(pk=meeting.pk)
    if current.status not in _BACK:
        raise ValidationError(
            _("Et møde med status »%(status)s« kan ikke genåbnes.")
            % {"status": current.get_status_display()}, code="invalid_step")
    to, undone = _BACK[current.status]
    return _step(meeting, to, by=by, reason=reason, **undone)


def meeting_cancel(*, meeting: Meeting, by, reason: str = "") -> Meeting:
    """Cancel the meeting: it keeps its status and pages, and calendars show it as cancelled
    (a new SEQUENCE). Recorded in the meeting's history with who and why."""
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if current.cancelled_at is not None:
            raise ValidationError(_("Mødet er allerede aflyst."), code="cancelled")
        meeting._change_reason = (_("Aflyst: %(reason)s") % {"reason": reason} if reason
                                  else _("Aflyst"))
        save_versioned(meeting, expected_version=None, fields={
            "cancelled_at": timezone.now(), "calendar_sequence": current.calendar_sequence + 1})
    return meeting


def next_step(meeting: Meeting) -> str | None:
    """The status the meeting can move on to, if any."""
    return _NEXT.get(meeting.status)
