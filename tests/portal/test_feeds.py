"""The series' feeds: an iCalendar of its meetings and an Atom feed of its published minutes,
each kept in the cache after the first request and made again when what it shows changes."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar
from lxml import etree

from agendas.services import agenda_item_update
from meetings import services
from meetings.models import Meeting
from tests.factories import make_decision, make_item, make_meeting, unlocked

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def published(series):
    meeting = make_meeting(series, date=dt.date(2024, 5, 13), location="Rådhuset, lokale 1",
                           status=Meeting.Status.PUBLISHED)
    Meeting.objects.filter(pk=meeting.pk).update(published_at=dt.datetime(2024, 5, 20, 9,
                                                                          tzinfo=dt.UTC))
    item = make_item(meeting, title="Cykelstier på Ringgaden")
    with unlocked(meeting):
        make_decision(item, text="<p>Indstillingen blev godkendt: flere cykelstier.</p>")
    meeting.refresh_from_db()
    return meeting


def _calendar(client, series):
    response = client.get(reverse("series_ical", args=[series.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _events(calendar):
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_the_calendar_has_a_stable_uid_dtstamp_and_the_copenhagen_time_zone(client, published):
    calendar = _calendar(client, published.series)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Copenhagen"
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"moede-{published.pk}@testserver"
    assert event["dtstamp"].dt.tzinfo is not None
    start = event["dtstart"]
    assert start.params["TZID"] == "Europe/Copenhagen"
    assert (start.dt.date(), start.dt.time()) == (dt.date(2024, 5, 13), dt.time(11, 0))
    assert str(event["location"]) == "Rådhuset, lokale 1"
    assert str(event["status"]) == "CONFIRMED"
    assert event["sequence"] == 0
    assert "Cykelstier på Ringgaden" in str(event["description"])
    assert str(event["uid"]) in _events(_calendar(client, published.series)), "stable"


def test_moving_a_meeting_raises_its_sequence_and_a_text_change_does_not(client, series):
    meeting = make_meeting(series, date=dt.date(2024, 6, 3), status=Meeting.Status.PUBLISHED)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.AGENDA_SENT)
    meeting.refresh_from_db()
    services.meeting_update(meeting=meeting, expected_version=meeting.version,
                            fields={"information": "Husk kaffe"})
    assert Meeting.objects.get(pk=meeting.pk).calendar_sequence == 0
    services.meeting_update(meeting=meeting, expected_version=meeting.version,
                            fields={"start_time": dt.time(14, 0), "end_time": dt.time(15, 0),
                                    "location": "Lokale 2"})
    assert Meeting.objects.get(pk=meeting.pk).calendar_sequence == 1
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED)
    [event] = _calendar(client, series).walk("VEVENT")
    assert event["sequence"] == 1
    assert event["dtstart"].dt.hour == 14
    assert str(event["location"]) == "Lokale 2"


def test_a_cancelled_meeting_is_cancelled_in_the_calendar(client, published, secretary):
    _calendar(client, published.series)  # kept
    services.meeting_cancel(meeting=published, by=secretary, reason="Rådmanden er syg")
    [event] = _calendar(client, published.series).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert event["sequence"] == 1
    with pytest.raises(services.ValidationError):
        services.meeting_cancel(meeting=published, by=secretary)


def test_the_calendar_holds_what_the_reader_may_see_of_the_series(client, series, published,
                                                                  member, secretary):
    sent = make_meeting(series, date=dt.date(2024, 8, 5), status=Meeting.Status.AGENDA_SENT)
    draft = make_meeting(series, date=dt.date(2024, 9, 2))
    public = _events(_calendar(client, series))
    assert list(public) == [f"moede-{published.pk}@testserver"]
    client.force_login(member)
    assert set(_events(_calendar(client, series))) == {
        f"moede-{published.pk}@testserver", f"moede-{sent.pk}@testserver"}
    client.force_login(secretary)
    assert f"moede-{draft.pk}@testserver" in _events(_calendar(client, series))


def _atom(client, series):
    response = client.get(reverse("series_atom", args=[series.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return etree.fromstring(response.content)


def test_the_atom_feed_has_what_the_feed_validator_requires(client, published):
    feed = _atom(client, published.series)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author/{*}name"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == f"http://testserver/serier/{published.series_id}/referater.atom"
    assert links["alternate"] == f"http://testserver/portal/serier/{published.series_id}/"
    [entry] = feed.findall(f"{ATOM}entry")
    for required in ("id", "title", "updated", "link"):
        assert entry.find(f"{ATOM}{required}") is not None, required
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver/moeder/{published.pk}/"
    dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))  # RFC 3339
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "flere cykelstier" in summary.text


def test_the_atom_feed_holds_published_minutes_only(client, series, published, member):
    make_meeting(series, date=dt.date(2024, 6, 3), status=Meeting.Status.MINUTES_APPROVED,
                 title="Godkendt men ikke offentligt")
    client.force_login(member)
    feed = _atom(client, series)
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["Referat: Rådmandsmøde 13-05-2024"]


def test_the_feeds_are_kept_after_the_first_request(client, published):
    for name in ("series_ical", "series_atom"):
        url = reverse(name, args=[published.series_id])
        with CaptureQueriesContext(connection) as first:
            body = client.get(url).content
        with CaptureQueriesContext(connection) as again:
            assert client.get(url).content == body
        # Kept: the series through its visibility rule, with the versions of its meetings.
        assert len(again) == 1, [q["sql"] for q in again]
        assert len(first) > len(again)


def test_closing_an_item_removes_it_from_the_kept_feeds_at_once(client, published):
    item = published.items.get()
    assert "flere cykelstier" in _atom(client, published.series).find(
        f"{ATOM}entry/{ATOM}summary").text
    assert "Lukket punkt" not in str(_calendar(client, published.series).walk("VEVENT")[0][
        "description"])
    with unlocked(published):
        agenda_item_update(item=item, expected_version=item.version, fields={"is_closed": True})
    summary = _atom(client, published.series).find(f"{ATOM}entry/{ATOM}summary").text
    assert "flere cykelstier" not in summary
    assert "Lukket punkt" in summary
    description = str(_calendar(client, published.series).walk("VEVENT")[0]["description"])
    assert "Lukket punkt: Cykelstier på Ringgaden" in description


def test_a_series_nobody_may_see_has_no_feeds(client, series):
    make_meeting(series, status=Meeting.Status.MINUTES_APPROVED)
    assert client.get(reverse("series_ical", args=[series.pk])).status_code == 404
    assert client.get(reverse("series_atom", args=[series.pk])).status_code == 404
    assert client.get(reverse("series_atom", args=[999999])).status_code == 404
    assert client.post(reverse("series_ical", args=[series.pk])).status_code == 405


def test_after_a_change_the_atom_feed_assembles_only_the_changed_minutes(client, series,
                                                                         published):
    for day in (dt.date(2024, 1, 8), dt.date(2024, 2, 5), dt.date(2024, 3, 4)):
        make_meeting(series, date=day, items=["Dagsorden"], status=Meeting.Status.PUBLISHED)
    url = reverse("series_atom", args=[series.pk])
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    Meeting.objects.filter(pk=published.pk).update(information="Nyt mødested")
    with CaptureQueriesContext(connection) as after:
        feed = etree.fromstring(client.get(url).content)
    assert len(feed.findall(f"{ATOM}entry")) == 4
    assert len(after) < len(first) / 2, "the other three entries are kept"


def test_a_members_calendar_is_private_to_them(client, published, member):
    public = client.get(reverse("series_ical", args=[published.series_id]))
    assert "Cookie" in public["Vary"]
    client.force_login(member)
    own = client.get(reverse("series_ical", args=[published.series_id]))
    assert "private" in own["Cache-Control"] and "Cookie" in own["Vary"]


@pytest.mark.parametrize("feed", ["series_ical", "series_atom"])
def test_a_series_id_beyond_the_databases_integers_is_404(client, published, feed):
    for series_id in (2**63, 10**20):
        assert client.get(reverse(feed, args=[series_id])).status_code == 404
