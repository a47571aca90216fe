"""A meeting's lifecycle: draft → agenda sent → minutes draft → minutes approved → published."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import Meeting

Status = Meeting.Status
_NEXT = {
    Status.DRAFT: Status.AGENDA_SENT,
    Status.AGENDA_SENT: Status.MINUTES_DRAFT,
    Status.MINUTES_DRAFT: Status.MINUTES_APPROVED,
    Status.MINUTES_APPROVED: Status.PUBLISHED,
}


def _advance(meeting: Meeting, to: str, **fields) -> Meeting:
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if _NEXT.get(current.status) != to:
            raise ValidationError(
                _("Mødet har status »%(status)s« og kan ikke gå direkte til »%(target)s«.")
                % {"status": current.get_status_display(), "target": Status(to).label})
        for name, value in {"status": to, **fields}.items():
            setattr(meeting, name, value)
        meeting.version = current.version + 1
        meeting.save(update_fields=["status", "version", *fields])
    return meeting


def meeting_send_agenda(*, meeting: Meeting) -> Meeting:
    """Send the agenda: from now on item numbers are fixed."""
    if not meeting.items.exists():
        raise ValidationError(_("En dagsorden uden punkter kan ikke sendes. Tilføj mindst ét "
                                "punkt først."))
    return _advance(meeting, Status.AGENDA_SENT, agenda_sent_at=timezone.now())


def minutes_start(*, meeting: Meeting) -> Meeting:
    return _advance(meeting, Status.MINUTES_DRAFT)


def minutes_approve(*, meeting: Meeting, by, at_meeting: Meeting | None = None) -> Meeting:
    """Record who approved the minutes, when, and at which meeting; they are locked after it."""
    return _advance(meeting, Status.MINUTES_APPROVED, minutes_approved_at=timezone.now(),
                    minutes_approved_by=by, minutes_approved_in=at_meeting)


def meeting_publish(*, meeting: Meeting) -> Meeting:
    """Make the meeting public: open items, open attachments and decisions reach everyone."""
    return _advance(meeting, Status.PUBLISHED, published_at=timezone.now())
