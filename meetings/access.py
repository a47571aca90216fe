"""Who may change a meeting. Only the series' secretariat changes anything: whoever may not see
the meeting gets 404 (as if it did not exist), whoever sees it without editing it (a member)
gets 403; anonymous users are sent to log in by the views' `login_required`."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from meetings.models import Meeting, MeetingSeries


def check_secretariat(user, series_id: int) -> None:
    if not MeetingSeries.objects.with_secretariat(user).filter(pk=series_id).exists():
        raise PermissionDenied


def meeting_for_editor(user, meeting_id: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.visible_to(user).select_related("series"),
                                pk=meeting_id)
    check_secretariat(user, meeting.series_id)
    return meeting


def series_for_editor(user, series_id: int) -> MeetingSeries:
    series = get_object_or_404(MeetingSeries.objects.visible_to(user), pk=series_id)
    check_secretariat(user, series.pk)
    return series
