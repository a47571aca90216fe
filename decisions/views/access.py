"""The minutes' objects for the series' secretariat, and a follow-up for whoever tracks it:
whoever may not see it gets 404 (as if it did not exist), whoever sees it without being
allowed to change it gets 403 (meetings.access has the rule)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from agendas.views.access import item_for_editor
from decisions.models import DecisionPoint, FollowUp
from decisions.services import may_track
from meetings.access import check_secretariat, meeting_for_editor

__all__ = ["follow_up_for_editor", "follow_up_for_tracker", "item_for_editor",
           "meeting_for_editor", "point_for_editor"]


def point_for_editor(user, point_id: int) -> DecisionPoint:
    from decisions.models import Decision

    point = get_object_or_404(DecisionPoint.objects.filter(
        decision__in=Decision.objects.visible_to(user))
        .select_related("decision__item__meeting__series"), pk=point_id)
    check_secretariat(user, point.decision.item.meeting.series_id)
    return point


def _follow_up(user, follow_up_id: int) -> FollowUp:
    return get_object_or_404(FollowUp.objects.visible_to(user).select_related(
        "decision__item__meeting__series", "owner_user"), pk=follow_up_id)


def follow_up_for_editor(user, follow_up_id: int) -> FollowUp:
    follow_up = _follow_up(user, follow_up_id)
    check_secretariat(user, follow_up.decision.item.meeting.series_id)
    return follow_up


def follow_up_for_tracker(user, follow_up_id: int) -> FollowUp:
    """Its owner or the series' secretariat: they change its status."""
    follow_up = _follow_up(user, follow_up_id)
    if not may_track(follow_up, user):
        raise PermissionDenied
    return follow_up
