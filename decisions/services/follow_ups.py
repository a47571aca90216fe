"""Follow-ups: created from a decision while the minutes are written, then tracked to done by
their owner or the secretariat (status and dates change after approval too), and put on a
later meeting's agenda from its "Opfølgning" panel."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from agendas.services import agenda_item_create
from common.models import save_versioned
from decisions.models import Decision, FollowUp
from meetings.models import Meeting, MeetingSeries
from meetings.services import meeting_for_edit

# A follow-up is tracked to done after the minutes are approved: these may change then.
FOLLOW_UP_TRACKING_FIELDS = frozenset({"status", "closed_on", "agenda_item"})
EDIT_FIELDS = ["description", "owner_user", "owner_unit", "due_date", "opened_on"]


def _check(follow_up: FollowUp, meeting: Meeting) -> None:
    """The rules a form would otherwise only half say: an owner, and a due date on or after
    the meeting that asked for it."""
    follow_up.owner_unit = (follow_up.owner_unit or "").strip()
    if not follow_up.owner_user_id and not follow_up.owner_unit:
        raise ValidationError({"owner_unit": _(
            "Vælg, hvem der følger op: en person eller en enhed (f.eks. FAS).")},
            code="no_owner")
    if follow_up.due_date and follow_up.due_date < meeting.date:
        raise ValidationError({"due_date": _(
            "Fristen kan ikke ligge før mødet den %(date)s.") % {
            "date": date_format(meeting.date, "DATE_FORMAT")}}, code="due_before_meeting")


def follow_up_create(*, decision: Decision, **fields) -> FollowUp:
    """The opened date is the meeting's date unless given."""
    with transaction.atomic():
        meeting = meeting_for_edit(decision.item.meeting_id)
        if not fields.get("opened_on"):
            fields["opened_on"] = meeting.date
        follow_up = FollowUp(decision=decision, **fields)
        _check(follow_up, meeting)
        follow_up.full_clean()
        follow_up.save()
    return follow_up


def follow_up_update(*, follow_up: FollowUp, expected_version: int | None,
                     fields: dict) -> FollowUp:
    with transaction.atomic():
        meeting = follow_up.decision.item.meeting
        if set(fields) - FOLLOW_UP_TRACKING_FIELDS:
            meeting = meeting_for_edit(follow_up.decision.item.meeting_id)
            if "owner_unit" in fields:
                fields["owner_unit"] = (fields["owner_unit"] or "").strip()
            checked = FollowUp(**{**{f: getattr(follow_up, f) for f in EDIT_FIELDS}, **fields})
            _check(checked, meeting)
        return save_versioned(follow_up, expected_version=expected_version, fields=fields)


def follow_up_delete(*, follow_up: FollowUp) -> None:
    with transaction.atomic():
        meeting_for_edit(follow_up.decision.item.meeting_id)
        follow_up.delete()


def may_track(follow_up: FollowUp, user) -> bool:
    """The owner (a person) and the series' secretariat change a follow-up's status."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or follow_up.owner_user_id == user.pk:
        return True
    series_id = follow_up.decision.item.meeting.series_id
    return MeetingSeries.objects.with_secretariat(user).filter(pk=series_id).exists()


def follow_up_set_status(*, follow_up: FollowUp, status: str, by, expected_version: int | None,
                         on: dt.date | None = None) -> FollowUp:
    """Move a follow-up to `status`; done and cancelled ones get the closing date `on`
    (today unless given), open and in-progress ones lose theirs."""
    if not may_track(follow_up, by):
        raise PermissionDenied(_("Kun den ansvarlige og mødesekretariatet kan ændre "
                                 "opfølgningens status."))
    if status not in FollowUp.Status.values:
        raise ValidationError({"status": _("Vælg en af statusserne på listen.")},
                              code="invalid_status")
    closed = status in FollowUp.CLOSED_STATUSES
    closed_on = (on or timezone.localdate()) if closed else None
    if closed_on and closed_on < follow_up.opened_on:
        raise ValidationError({"closed_on": _(
            "Afslutningsdatoen kan ikke ligge før oprettelsen den %(date)s.") % {
            "date": date_format(follow_up.opened_on, "DATE_FORMAT")}}, code="closed_too_early")
    return follow_up_update(follow_up=follow_up, expected_version=expected_version,
                            fields={"status": status, "closed_on": closed_on})


def open_follow_ups_before(meeting: Meeting):
    """The series' follow-ups from earlier meetings that are not done: what the "Opfølgning"
    panel of `meeting` offers to put on its agenda."""
    return (FollowUp.objects.open()
            .filter(decision__item__meeting__series_id=meeting.series_id,
                    decision__item__meeting__date__lt=meeting.date)
            .select_related("owner_user", "decision__item__meeting", "agenda_item__meeting")
            .order_by("due_date", "decision__item__meeting__date", "pk"))


def follow_up_schedule(*, follow_up: FollowUp, meeting: Meeting) -> FollowUp:
    """Put `follow_up` on the agenda of `meeting` (a later meeting of its series), as an item
    before the closing standard items, and remember where it went."""
    with transaction.atomic():
        follow_up = FollowUp.objects.select_for_update(of=("self",)).select_related(
            "decision__item__meeting", "owner_user").get(pk=follow_up.pk)
        source = follow_up.decision.item
        if meeting.series_id != source.meeting.series_id or meeting.date <= source.meeting.date:
            raise ValidationError(_("En opfølgning kan kun sættes på et senere møde i samme "
                                    "serie."), code="wrong_meeting")
        if follow_up.agenda_item_id:
            placed = follow_up.agenda_item
            raise ValidationError(_("Opfølgningen er allerede sat på dagsordenen: %(item)s "
                                    "på mødet den %(date)s.") % {
                "item": placed, "date": date_format(placed.meeting.date, "DATE_FORMAT")},
                code="already_scheduled")
        title = _("Opfølgning: %(description)s") % {"description": follow_up.description}
        details = _("Fra mødet den %(date)s, %(item)s. Ansvarlig: %(owner)s.") % {
            "date": date_format(source.meeting.date, "DATE_FORMAT"), "item": source,
            "owner": follow_up.owner}
        item = agenda_item_create(meeting=meeting, before_closing=True,
                                  title=_shorten(title, 300),
                                  text=f"<p>{escape(follow_up.description)}</p>"
                                       f"<p>{escape(details)}</p>")
        return follow_up_update(follow_up=follow_up, expected_version=None,
                                fields={"agenda_item": item})


def _shorten(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"
