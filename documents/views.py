from django.shortcuts import get_object_or_404, render
from django.views.decorators.vary import vary_on_headers

from documents.content import meeting_content
from meetings.models import Meeting, MeetingSeries


@vary_on_headers("HX-Request", "Cookie")
def meeting_detail(request, meeting_id: int):
    """The meeting page: header, items in order of treatment, memos, decisions, documents."""
    meeting = get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("series", "minute_taker"),
        pk=meeting_id,
    )
    insider = MeetingSeries.objects.with_insider(request.user).filter(pk=meeting.series_id).exists()
    content = meeting_content(meeting=meeting, user=request.user, with_annotations=insider)
    can_edit = Meeting.objects.editable_by(request.user).filter(pk=meeting.pk).exists()
    return render(request, "documents/meeting_detail.html", {
        "meeting": meeting, "content": content, "can_edit": can_edit,
    })
