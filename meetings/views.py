from functools import cached_property

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.db.models.functions import Mod
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from common import page_cache
from common.precompiled import Precompiled
from meetings import services
from meetings.access import meeting_for_editor
from meetings.models import Meeting, MeetingSeries
from meetings.viewer import Viewer, request_viewer

# The list is kept under what it shows: per visible series its name, and the number and
# versions of its visible meetings. The versions are summed modulo a large prime so that
# the sum stays small on every database; it changes whenever any one of them moves.
_VERSION_MODULUS = 2_147_483_647


def _listed_series(secretariat, member, *, variant):
    is_superuser, authenticated = variant
    viewer = Viewer(user_id=0 if authenticated else None, is_superuser=is_superuser,
                    secretariat=secretariat, member=member)
    visible = Meeting.objects.visible_q(viewer, prefix="meetings__") or None
    return MeetingSeries.objects.visible_to(viewer).annotate(
        listed=Count("meetings", filter=visible),
        listed_versions=Sum(Mod("meetings__content_version", _VERSION_MODULUS), filter=visible),
    ).order_by("name", "pk").values_list("pk", "name", "listed", "listed_versions")


# Asked on every request for the list: compiled once (common/precompiled.py).
_read_listed_series = Precompiled(_listed_series)


class _CountedPaginator(Paginator):
    """A paginator told its count (the list already knows it), so it does not ask."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


@require_safe
@vary_on_headers("HX-Request")
def meeting_list(request):
    """The meetings the reader may see, upcoming first, filtered by series."""
    viewer = request_viewer(request)
    listed = _read_listed_series(tuple(viewer.secretariat), tuple(viewer.member),
                                 variant=(viewer.is_superuser, viewer.is_authenticated))
    # The series as the filter shows them (their id and name are all it needs).
    series_list = [MeetingSeries(pk=pk, name=name) for pk, name, _n, _v in listed]
    counts = {pk: n for pk, _name, n, _v in listed}
    meetings = Meeting.objects.visible_to(viewer).select_related("series")
    selected = None
    series_id = request.GET.get("serie", "").strip()
    if series_id and not series_id.isdigit():
        # Not an id at all: ignored, with a word. A series id the reader may not see is a
        # 404, the same as one that does not exist.
        messages.warning(request, _("Filteret »%(value)s« er ikke en mødeserie. Møderne i alle "
                                    "mødeserier vises.") % {"value": series_id[:40]})
        series_id = ""
    if series_id:
        selected = next((s for s in series_list if str(s.pk) == series_id), None)
        if selected is None:
            raise Http404
        meetings = meetings.filter(series=selected)
    today = timezone.localdate()
    key = page_cache.key("meeting-list", viewer, today, listed,
                         page_cache.user_stamp(request.user), bool(request.htmx),
                         request.get_full_path())

    def page() -> str:
        upcoming = list(meetings.filter(date__gte=today).order_by("date", "start_time"))
        total = counts[selected.pk] if selected else sum(counts.values())
        earlier = _CountedPaginator(meetings.filter(date__lt=today), 25,
                                    count=total - len(upcoming)).get_page(request.GET.get("side"))
        template = "meetings/meeting_list.html" + ("#meeting-results" if request.htmx else "")
        return render_to_string(template, page_cache.context_for_cache({
            "series_list": series_list, "selected": selected, "upcoming": upcoming,
            "earlier": earlier.object_list, "page": earlier, "total": total,
        }), request=request)

    return page_cache.page_response(request, page_key=key, render=page)


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
