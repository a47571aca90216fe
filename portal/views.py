"""The public portal: what everyone may read, without logging in.

Every list here is the public's (the meetings' visibility rule for an anonymous reader), the
same for every reader: published meetings only, never a draft or unapproved minutes. A
series page answers where the reader may see the series (its own people reach it before
anything is published). Each meeting links to the meeting page (reading/), which shows the
reader what the rule lets them read: for the public the open items, memos, decisions and
open Bilag, and a closed item as "Lukket punkt" and its title.
"""

from django.contrib import messages
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from meetings.models import Meeting, MeetingSeries
from meetings.viewer import ANONYMOUS, request_viewer


@require_safe
def index(request):
    """The series with published meetings: how many, and the latest."""
    published = Meeting.objects.visible_q(ANONYMOUS, prefix="meetings__")
    series_list = (MeetingSeries.objects.visible_to(ANONYMOUS)
                   .annotate(published=Count("meetings", filter=published),
                             latest=Max("meetings__date", filter=published))
                   .order_by("name", "pk"))
    return render(request, "portal/index.html", {"series_list": series_list})


@require_safe
def series(request, series_id: int):
    """A series' published meetings, one year at a time (the latest first); `?aar=` picks
    the year, and a year that cannot be shown is ignored with a message."""
    viewer = request_viewer(request)
    chosen = get_object_or_404(MeetingSeries.objects.visible_to(viewer), pk=series_id)
    published = Meeting.objects.visible_to(ANONYMOUS).filter(series=chosen)
    years = [day.year for day in published.dates("date", "year", order="DESC")]
    year = _year(request, years)
    meetings = (published.filter(date__year=year).select_related("series")
                .order_by("-date", "-start_time") if year else [])
    return render(request, "portal/series.html", {
        "series": chosen, "years": years, "year": year, "meetings": meetings})


def _year(request, years: list[int]) -> int | None:
    asked = request.GET.get("aar", "").strip()
    if asked:
        if asked.isdigit() and int(asked) in years:
            return int(asked)
        messages.warning(request, _("Der er ingen offentliggjorte møder i »%(year)s«. "
                                    "Siden viser i stedet det seneste år med møder.")
                         % {"year": asked[:20]})
    return years[0] if years else None
