"""Each series' feeds: an iCalendar of its meetings, an Atom feed of its published minutes.

Who gets what (the meetings' visibility rule, for the class of viewers the reader belongs
to, as the meeting page does):
- the calendar holds the meetings the reader may see in the series: the public (and people
  of other series) its published meetings, its members also those whose agenda is sent, its
  secretariat every meeting. Calendar programs subscribe without a log-in, so a subscription
  is the public calendar; a member gets theirs when the browser that fetches it is logged in;
- the Atom feed holds the published minutes, as the public reads them, for everyone.
A series the reader may not see is a 404, the same as one that does not exist.

Both are kept in the cache (common/page_cache.py) under what they show: the series, the
reader's class and the number and content versions of the meetings listed. Any change a
reader could see moves a meeting's content version (meetings/versions.py), so the next
request asks for a key that is not kept yet; nothing is invalidated by hand.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import Mod
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from agendas.models import AgendaItem
from common import page_cache
from common.precompiled import Precompiled
from meetings.models import Meeting, MeetingSeries
from meetings.versions import as_timestamp
from meetings.viewer import ANONYMOUS, Viewer, request_viewer
from reading.content import audience, meeting_content
from reading.page import class_viewer

# Summed modulo a large prime so the stamp stays small on every database (as the list does).
_VERSION_MODULUS = 2_147_483_647
# The Atom feed carries the latest minutes; older ones are on the series' portal page.
ATOM_ENTRIES = 20


def _feed_class(viewer: Viewer, series_id: int) -> str:
    """The class whose feed the reader gets: people of other series read the public's."""
    who = audience(viewer, series_id)
    return "anonymous" if who == "outsider" else who


def _stamp(series_id, secretariat, member, listed_secretariat, listed_member, *, variant):
    is_superuser, authenticated, listed_authenticated = variant
    viewer = Viewer(user_id=0 if authenticated else None, is_superuser=is_superuser,
                    secretariat=secretariat, member=member)
    stand_in = Viewer(user_id=0 if listed_authenticated else None,
                      secretariat=listed_secretariat, member=listed_member)
    listed = Meeting.objects.visible_q(stand_in, prefix="meetings__") or None
    return MeetingSeries.objects.visible_to(viewer).filter(pk=series_id).annotate(
        listed=Count("meetings", filter=listed),
        listed_versions=Sum(Mod("meetings__content_version", _VERSION_MODULUS), filter=listed),
    ).values_list("listed", "listed_versions")


# Asked on every request for a feed: compiled once (common/precompiled.py).
_read_stamp = Precompiled(_stamp)


def _series_stamp(viewer: Viewer, series_id: int, stand_in: Viewer) -> tuple[int, int]:
    """The number and versions of the meetings `stand_in` sees in the series, if `viewer`
    may see the series (one query); else 404."""
    # The role lists reach the query only where the rule reads them.
    roles = ((), ()) if viewer.is_superuser or not viewer.is_authenticated else (
        tuple(viewer.secretariat), tuple(viewer.member))
    rows = _read_stamp(series_id, *roles, tuple(stand_in.secretariat), tuple(stand_in.member),
                       variant=(viewer.is_superuser, viewer.is_authenticated,
                                stand_in.is_authenticated))
    if not rows:
        raise Http404
    return rows[0]


def _kept(request, key_parts: tuple, make, content_type: str, *,
          public: bool = True) -> HttpResponse:
    key = page_cache.key(*key_parts, request.build_absolute_uri("/"))
    body = cache.get(key)
    if body is None:
        body = make()
        cache.set(key, body, page_cache.TIMEOUT)
    response = HttpResponse(body, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # What a logged-in reader gets is theirs: no shared cache may hand it to anyone else.
    patch_vary_headers(response, ["Cookie"])
    if not public:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def _changed_at(meeting: Meeting) -> dt.datetime:
    return dt.datetime.fromtimestamp(as_timestamp(meeting.content_version), tz=dt.UTC)


@require_safe
def series_ical(request, series_id: int):
    viewer = request_viewer(request)
    who = _feed_class(viewer, series_id)
    stand_in = class_viewer(who, series_id)
    stamp = _series_stamp(viewer, series_id, stand_in)
    return _kept(request, ("series-ical", series_id, who, *stamp),
                 lambda: _calendar(request, MeetingSeries.objects.get(pk=series_id), stand_in),
                 "text/calendar; charset=utf-8", public=who == "anonymous")


def _calendar(request, series: MeetingSeries, stand_in: Viewer) -> bytes:
    zone = ZoneInfo(settings.TIME_ZONE)
    meetings = list(Meeting.objects.visible_to(stand_in).filter(series=series)
                    .order_by("date", "start_time", "pk"))
    for meeting in meetings:
        meeting.series = series  # its title reads the series' kind
    items: dict[int, list[AgendaItem]] = {}
    for item in (AgendaItem.objects.listed_for(stand_in).filter(meeting__in=meetings)
                 .only("meeting_id", "number", "title", "position").order_by("position")):
        items.setdefault(item.meeting_id, []).append(item)
    calendar = Calendar()
    calendar.add("prodid", "-//Referat//Mødekalender//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", series.name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host().split(":")[0]
    for meeting in meetings:
        event = Event()
        event.add("uid", f"moede-{meeting.pk}@{host}")
        changed = _changed_at(meeting)
        event.add("dtstamp", changed)
        event.add("last-modified", changed)
        event.add("sequence", meeting.calendar_sequence)
        event.add("summary", f"{meeting.display_title}: {series.name}")
        start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
        event.add("dtstart", start)
        end_time = meeting.end_time or series.default_end_time
        if end_time and end_time > meeting.start_time:
            event.add("dtend", dt.datetime.combine(meeting.date, end_time, tzinfo=zone))
        if meeting.location:
            event.add("location", meeting.location)
        event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
        url = request.build_absolute_uri(meeting.get_absolute_url())
        event.add("url", url)
        event.add("description", _agenda_text(items.get(meeting.pk, []), url))
        calendar.add_component(event)
    if meetings:  # the zone's rules over the years the meetings span
        calendar.add_missing_timezones(first_date=dt.date(meetings[0].date.year, 1, 1),
                                       last_date=dt.date(meetings[-1].date.year + 2, 1, 1))
    return calendar.to_ical()


def _agenda_text(items: list[AgendaItem], url: str) -> str:
    lines = [_("Dagsorden:")] if items else []
    for item in items:
        title = item.title if item.content_visible else _("Lukket punkt: %(title)s") % {
            "title": item.title}
        lines.append(f"{item.number}. {title}" if item.number else title)
    return "\n".join([*lines, url])


class MinutesFeed(Feed):
    """The series' published minutes, newest first, as the public reads them."""

    feed_type = Atom1Feed

    def __init__(self, series: MeetingSeries):
        super().__init__()
        self.series = series

    def get_object(self, request, *args, **kwargs):
        return self.series

    def title(self, series):
        return _("Referater: %(series)s") % {"series": series.name}

    def subtitle(self, series):
        return _("Offentliggjorte referater fra %(series)s") % {"series": series.name}

    def link(self, series):
        return reverse("portal:series", args=[series.pk])

    def feed_url(self, series):
        return reverse("series_atom", args=[series.pk])

    def author_name(self, series):
        return _("Mødesekretariatet, %(series)s") % {"series": series.name}

    def items(self, series):
        return list(Meeting.objects.visible_to(ANONYMOUS).filter(series=series)
                    .select_related("series").order_by("-published_at", "-date", "pk")
                    [:ATOM_ENTRIES])

    def item_title(self, meeting):
        return _("Referat: %(meeting)s %(date)s") % {
            "meeting": meeting.display_title, "date": f"{meeting.date:%d-%m-%Y}"}

    def item_link(self, meeting):
        return meeting.get_absolute_url()

    def item_pubdate(self, meeting):
        return meeting.published_at or _changed_at(meeting)

    def item_updateddate(self, meeting):
        return _changed_at(meeting)

    def item_description(self, meeting):
        # Each entry is kept under its meeting's content version: after a change only the
        # changed meeting's minutes are assembled again.
        def entry() -> str:
            content = meeting_content(meeting=meeting, user=ANONYMOUS, public=True)
            return render_to_string("portal/minutes_entry.html", {"content": content})

        return page_cache.get_or_render(
            page_cache.key("atom-entry", meeting.pk, meeting.content_version), entry)


@require_safe
def series_atom(request, series_id: int):
    viewer = request_viewer(request)
    stamp = _series_stamp(viewer, series_id, ANONYMOUS)

    def make() -> bytes:
        return MinutesFeed(MeetingSeries.objects.get(pk=series_id))(request).content

    return _kept(request, ("series-atom", series_id, *stamp), make,
                 "application/atom+xml; charset=utf-8")
