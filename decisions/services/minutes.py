"""The minutes' way to done, as the minute taker and the secretariat take it: start, approve
(at this meeting, or at the next one under its "Punkt 2: Referat"), publish; each step is the
lifecycle's own (meetings/services.py, recorded with who and when), followed by the e-mails of
approval and publication once it is committed. An item that was not treated goes, with its
memo and Bilag, onto the series' next meeting."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agendas.models import AgendaItem
from agendas.services import agenda_item_copy
from common.models import save_versioned
from decisions import notifications
from decisions.models import Decision, Outcome
from decisions.services.decisions import decision_for, point_add
from meetings import services as lifecycle
from meetings.models import Meeting

NOT_TREATED = "Punktet blev ikke behandlet denne gang."
APPROVED = "Referatet blev godkendt."
# The standard item under which the next meeting approves these minutes: "Referat", "Referat
# fra udvalgets møde den …", "Godkendelse af referat".
MINUTES_ITEM_TITLES = ("referat", "godkendelse af referat")


def minutes_approve(*, meeting: Meeting, by, at_meeting: Meeting | None = None,
                    links: notifications.Links | None = None) -> Meeting:
    """Approve the minutes (locked from now on) and, once committed, e-mail the series'
    members and each follow-up's owner."""
    with transaction.atomic():
        lifecycle.minutes_approve(meeting=meeting, by=by, at_meeting=at_meeting)
        if links:
            transaction.on_commit(lambda: notifications.minutes_approved(meeting=meeting,
                                                                         links=links))
    return meeting


def meeting_publish(*, meeting: Meeting, by, links: notifications.Links | None = None) -> Meeting:
    """Publish the meeting and, once committed, e-mail the series' members."""
    with transaction.atomic():
        lifecycle.meeting_publish(meeting=meeting, by=by)
        if links:
            transaction.on_commit(lambda: notifications.minutes_published(meeting=meeting,
                                                                          links=links))
    return meeting


def is_minutes_item(item: AgendaItem) -> bool:
    """"Punkt 2: Referat": the item that approves the previous meeting's minutes."""
    title = item.title.strip().lower()
    return any(title == start or title.startswith(start + " ") for start in MINUTES_ITEM_TITLES)


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The series' meeting before this one."""
    return (Meeting.objects.filter(series_id=meeting.series_id)
            .filter(date__lt=meeting.date).order_by("-date", "-start_time").first())


def next_meeting(meeting: Meeting) -> Meeting | None:
    """The series' next meeting that can still take items."""
    return (Meeting.objects.filter(series_id=meeting.series_id, date__gt=meeting.date)
            .exclude(status__in=[Meeting.Status.MINUTES_APPROVED, Meeting.Status.PUBLISHED])
            .order_by("date", "start_time").first())


def previous_minutes_approve(*, item: AgendaItem, by,
                             links: notifications.Links | None = None) -> Meeting:
    """Approve the previous meeting's minutes under this meeting's "Referat" item: they are
    recorded as approved at this meeting, and the item's decision says so ("Referatet blev
    godkendt.") unless the minute taker has written it already."""
    with transaction.atomic():
        meeting = lifecycle.meeting_for_edit(item.meeting_id)
        if not is_minutes_item(item):
            raise ValidationError(_("Det forrige referat godkendes under punktet »Referat«."),
                                  code="not_minutes_item")
        previous = previous_meeting(meeting)
        if previous is None or previous.status != Meeting.Status.MINUTES_DRAFT:
            raise ValidationError(_("Der er intet referat fra et tidligere møde, som venter på "
                                    "godkendelse."), code="nothing_to_approve")
        minutes_approve(meeting=previous, by=by, at_meeting=meeting, links=links)
        if not Decision.objects.filter(item=item, points__isnull=False).exists():
            point_add(item=item, text=APPROVED, outcome=Outcome.GODKENDT)
    return previous


def item_defer(*, item: AgendaItem) -> AgendaItem:
    """"Punktet blev ikke behandlet": put a copy of the item, with its memo and Bilag, on the
    series' next meeting, and record in the decision that it was not treated (and where it
    went). Returns the copy."""
    with transaction.atomic():
        meeting = lifecycle.meeting_for_edit(item.meeting_id)
        decision = decision_for(item)
        if decision.moved_to_id:
            raise ValidationError(_("Punktet er allerede sat på dagsordenen til mødet den "
                                    "%(date)s.") % {"date": date_format(
                                        decision.moved_to.meeting.date, "DATE_FORMAT")},
                                  code="already_moved")
        target = next_meeting(meeting)
        if target is None:
            raise ValidationError(_("Serien har endnu intet kommende møde at sætte punktet på. "
                                    "Opret det næste møde, og prøv igen."), code="no_next_meeting")
        copy = agenda_item_copy(item=item, meeting=target)
        if not decision.points.exists():
            point_add(item=item, text=NOT_TREATED, outcome=Outcome.IKKE_BEHANDLET)
        save_versioned(decision, expected_version=None, fields={"moved_to": copy})
    return copy
