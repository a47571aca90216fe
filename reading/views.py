from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from meetings.versions import current_versions
from meetings.viewer import request_viewer
from reading.content import readable_meetings
from reading.page import meeting_page


@require_safe
@vary_on_headers("HX-Request", "Cookie")
def meeting_detail(request, meeting_id: int):
    """The meeting page: header, items in order of treatment, memos, decisions, documents."""
    viewer = request_viewer(request)
    current = current_versions(meeting_id, viewer)
    if current is None:
        raise Http404
    return meeting_page(request, meeting_id=meeting_id, current=current, viewer=viewer,
                        load=lambda: get_object_or_404(
                            readable_meetings(viewer).select_related("series", "minute_taker"),
                            pk=meeting_id))
