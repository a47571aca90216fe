from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.vary import vary_on_headers

from meetings.models import Meeting, MeetingSeries


@vary_on_headers("HX-Request")
def meeting_list(request):
    """The meetings the reader may see, upcoming first, filtered by series."""
    series_list = list(MeetingSeries.objects.visible_to(request.user))
    meetings = Meeting.objects.visible_to(request.user).select_related("series")
    selected = None
    series_id = request.GET.get("serie", "")
    if series_id:
        selected = next((s for s in series_list if str(s.pk) == series_id), None)
        if selected is None:
            raise Http404
        meetings = meetings.filter(series=selected)
    today = timezone.localdate()
    upcoming = list(meetings.filter(date__gte=today).order_by("date", "start_time"))
    page = Paginator(meetings.filter(date__lt=today), 25).get_page(request.GET.get("side"))
    template = "meetings/meeting_list.html" + ("#meeting-results" if request.htmx else "")
    return render(request, template, {
        "series_list": series_list, "selected": selected, "upcoming": upcoming,
        "earlier": page.object_list, "page": page, "total": len(upcoming) + page.paginator.count,
    })
