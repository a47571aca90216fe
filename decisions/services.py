"""Decisions, their points and follow-ups. Each function is one transaction that passes
`meeting_for_edit` first: once the minutes are approved, nothing here changes until the meeting
is reopened."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agendas.models import AgendaItem, RecommendationPoint
from common.models import save_versioned
from decisions.models import Decision, DecisionPoint, FollowUp
from meetings.services import meeting_for_edit


def check_answers(*, item: AgendaItem, answers) -> list[RecommendationPoint]:
    """A decision point answers recommendation points of its own item only ("Ad 2)" means
    point 2 of this item's memo, never another meeting's)."""
    answers = list(answers)
    if any(point.item_id != item.pk for point in answers):
        raise ValidationError(
            _("Et beslutningspunkt kan kun svare på indstillingspunkter fra sit eget punkt "
              "(%(item)s).") % {"item": item}, code="foreign_answer")
    return answers


def decision_create(*, item: AgendaItem, **fields) -> Decision:
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        decision = Decision(item=item, **fields)
        decision.full_clean()
        decision.save()
    return decision


def decision_update(*, decision: Decision, expected_version: int | None,
                    fields: dict) -> Decision:
    with transaction.atomic():
        meeting_for_edit(decision.item.meeting_id)
        return save_versioned(decision, expected_version=expected_version, fields=fields)


def decision_delete(*, decision: Decision) -> None:
    with transaction.atomic():
        meeting_for_edit(decision.item.meeting_id)
        decision.delete()


def decision_point_create(*, decision: Decision, answers=(), **fields) -> DecisionPoint:
    with transaction.atomic():
        meeting_for_edit(decision.item.meeting_id)
        answers = check_answers(item=decision.item, answers=answers)
        if "number" not in fields:
            fields["number"] = decision.points.count() + 1
        point = DecisionPoint(decision=decision, **fields)
        point.full_clean()
        point.save()
        point.answers.set(answers)
    return point


def decision_point_update(*, point: DecisionPoint, expected_version: int | None, fields: dict,
                          answers=None) -> DecisionPoint:
    """Change a point's text or outcome and, when `answers` is given, what it answers."""
    with transaction.atomic():
        item = point.decision.item
        meeting_for_edit(item.meeting_id)
        if answers is not None:
            answers = check_answers(item=item, answers=answers)
        save_versioned(point, expected_version=expected_version, fields=fields)
        if answers is not None and set(answers) != set(point.answers.all()):
            point.answers.set(answers)
    return point


def decision_point_delete(*, point: DecisionPoint) -> None:
    with transaction.atomic():
        meeting_for_edit(point.decision.item.meeting_id)
        point.delete()


def follow_up_create(*, decision: Decision, **fields) -> FollowUp:
    with transaction.atomic():
        meeting_for_edit(decision.item.meeting_id)
        fields.setdefault("opened_on", decision.item.meeting.date)
        follow_up = FollowUp(decision=decision, **fields)
        follow_up.full_clean()
        follow_up.save()
    return follow_up


# A follow-up is tracked to done after the minutes are approved: its status may change then.
FOLLOW_UP_TRACKING_FIELDS = frozenset({"status", "closed_on"})


def follow_up_update(*, follow_up: FollowUp, expected_version: int | None,
                     fields: dict) -> FollowUp:
    with transaction.atomic():
        if set(fields) - FOLLOW_UP_TRACKING_FIELDS:
            meeting_for_edit(follow_up.decision.item.meeting_id)
        return save_versioned(follow_up, expected_version=expected_version, fields=fields)


def follow_up_delete(*, follow_up: FollowUp) -> None:
    with transaction.atomic():
        meeting_for_edit(follow_up.decision.item.meeting_id)
        follow_up.delete()
