from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from meetings import services
from meetings.access import meeting_for_editor
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


@vary_on_headers("HX-Request")
def series_detail(request, series_id: int):
    """A series' upcoming and past meetings, as the reader may see them; for the secretariat,
    "Ny mødeindkaldelse"."""
    series = get_object_or_404(MeetingSeries.objects.visible_to(request.user), pk=series_id)
    meetings = Meeting.objects.visible_to(request.user).filter(series=series)
    today = timezone.localdate()
    upcoming = list(meetings.filter(date__gte=today).order_by("date", "start_time"))
    page = Paginator(meetings.filter(date__lt=today), 25).get_page(request.GET.get("side"))
    return render(request, "meetings/series_detail.html", {
        "series": series, "upcoming": upcoming, "earlier": page.object_list, "page": page,
        "is_secretariat": MeetingSeries.objects.with_secretariat(request.user)
        .filter(pk=series.pk).exists(),
    })


@login_required
@require_POST
def agenda_send(request, meeting_id: int):
    """Send the agenda: the numbers are frozen, who and when recorded, and the series' members
    get an e-mail with a link to the meeting."""
    meeting = meeting_for_editor(request.user, meeting_id)
    try:
        services.meeting_send_agenda(
            meeting=meeting, by=request.user,
            link=request.build_absolute_uri(meeting.get_absolute_url()))
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        count = len([u for u in meeting.series.members.all() if u.email])
        messages.success(request, ngettext(
            "Dagsordenen er sendt. %(count)s medlem får en e-mail med et link til mødet.",
            "Dagsordenen er sendt. %(count)s medlemmer får en e-mail med et link til mødet.",
            count) % {"count": count})
    return redirect("agendas:meeting_editor", meeting.pk)


@login_required
@require_POST
def meeting_reopen(request, meeting_id: int):
    """One step back (a sent agenda to draft, approved minutes to a draft), with a reason."""
    meeting = meeting_for_editor(request.user, meeting_id)
    try:
        services.meeting_reopen(meeting=meeting, by=request.user,
                                reason=request.POST.get("reason", ""))
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("Mødet er genåbnet og har nu status »%(status)s«.") % {
            "status": meeting.get_status_display()})
    return redirect("agendas:meeting_editor", meeting.pk)
