"""The channels beside the pages, for every role (anonymous, member of another series,
member, secretariat, admin): the open data API, the portal and the feeds, the history and
search. Closed content reaches nobody outside its series through any of them."""


import pytest
from django.test import Client

from agendas.models import (
    AgendaItem,
    Attachment,
)
from decisions.models import DecisionPoint
from meetings.models import Meeting
from tests.factories import (
    make_user,
)
from tests.security.matrix import (
    SEARCH_URLS,
    SECRET,
    Objects,
    body_text,
    build_meeting_objects,
    object_urls,
    public_only,
    requests_for,
    url_name,
)

pytestmark = pytest.mark.django_db


def test_the_open_data_api_shows_an_unpublished_meeting_to_nobody(hidden_meeting, secretary,
                                                                  member, outsider):
    admin = make_user("admin", is_superuser=True, is_staff=True)
    urls = [url for url in object_urls(hidden_meeting) if public_only(url)]
    assert urls, "the API's object URLs are in the matrix"
    problems = []
    for user in (None, outsider, member, secretary, admin):
        client = Client()
        if user:
            client.force_login(user)
        problems += [f"{user}: {url}" for url in urls if client.get(url).status_code != 404
                     or SECRET in body_text(client.get(url))]
    assert problems == []


def test_the_open_data_api_reaches_every_object_of_a_public_item(series, member, outsider,
                                                                 secretary):
    """The control for the test above: with the item and its Bilag open and the meeting
    published, every API object URL but the catch-all answers, for every role alike."""
    objects = build_meeting_objects(series, member, status=Meeting.Status.PUBLISHED,
                                    item_closed=False)
    Attachment.objects.filter(pk=objects.attachment.pk).update(is_closed=False)
    Meeting.objects.filter(pk=objects.meeting.pk).update(location="Rådhuset")
    urls = [url for url in object_urls(objects)
            if public_only(url) and url_name(url) != "oparl:unknown"]
    bodies = {}
    for user in (None, outsider, member, secretary):
        client = Client()
        if user:
            client.force_login(user)
        answers = {url: client.get(url) for url in urls}
        assert [url for url, response in answers.items() if response.status_code != 200] == []
        bodies[user] = {url: response.content for url, response in answers.items()}
    assert all(seen == bodies[None] for seen in bodies.values()), "the same for every role"


# The public portal and the series' feeds, for every role: closed content reaches nobody
# outside the series, and an item reclassified closed leaves them at once.
ROLES = ["anonymous", "outsider", "member", "secretary", "admin"]
CLOSED_TEXTS = [f"Lukket tekst {SECRET}", f"Underpunkt {SECRET}", f"Sagen {SECRET}",
                f"at {SECRET} godkendes", f"Bilag {SECRET}", f"Drøftet {SECRET}",
                f"Godkendt {SECRET}", f"FAS følger op {SECRET}", f"Min note {SECRET}",
                f"Kommentar {SECRET}"]


def _portal_and_feed_urls(objects: Objects) -> list[str]:
    from django.urls import reverse

    series = objects.series.pk
    return [reverse("portal:index"), reverse("portal:series", args=[series]),
            reverse("series_ical", args=[series]), reverse("series_atom", args=[series]),
            objects.meeting.get_absolute_url()]


def _client_for(role, request):
    client = Client()
    if role == "admin":
        from tests.factories import make_user

        client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    elif role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


def _read_all(client, urls) -> dict[str, str]:
    bodies = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        bodies[url] = body_text(response)
    return bodies


@pytest.mark.parametrize("role", ROLES)
def test_the_portal_and_feeds_show_closed_content_to_nobody_outside_the_series(
        role, request, series, member, secretary, outsider, kept):
    objects = build_meeting_objects(series, member, status=Meeting.Status.PUBLISHED)
    urls = _portal_and_feed_urls(objects)
    for insider in (secretary, member):  # what they see is kept first
        client = Client()
        client.force_login(insider)
        _read_all(client, urls)
    bodies = _read_all(_client_for(role, request), urls)
    ical = bodies[urls[2]]
    assert f"Åbent punkt {SECRET}" in ical, "the control: the open item is in the calendar"
    feeds_and_portal = "".join(bodies[url] for url in urls[:4])
    leaks = [text for text in CLOSED_TEXTS if text in feeds_and_portal]
    assert leaks == [], "the feeds and the portal are public for every role"
    if role in ("anonymous", "outsider"):
        page = bodies[urls[4]]
        assert [text for text in CLOSED_TEXTS if text in page] == []
        assert f"Personalesag {SECRET}" in page and "Lukket punkt" in page


@pytest.mark.parametrize("role", ROLES)
def test_an_item_reclassified_closed_leaves_the_portal_and_feeds_at_once(
        role, request, series, member, secretary, outsider, kept):
    from agendas.services import agenda_item_update
    from tests.factories import make_decision, unlocked

    objects = build_meeting_objects(series, member, status=Meeting.Status.PUBLISHED)
    item = objects.meeting.items.get(title=f"Åbent punkt {SECRET}")
    with unlocked(objects.meeting):
        make_decision(item, text=f"<p>Åben beslutning {SECRET}</p>")
    urls = _portal_and_feed_urls(objects)
    client = _client_for(role, request)
    before = _read_all(client, urls)
    assert f"Åben beslutning {SECRET}" in before[urls[3]], "the control: in the Atom feed"
    assert f"Åben tekst {SECRET}" in before[urls[4]]

    with unlocked(objects.meeting):
        item.refresh_from_db()
        agenda_item_update(item=item, expected_version=item.version, fields={"is_closed": True})

    after = _read_all(client, urls)
    assert f"Åben beslutning {SECRET}" not in after[urls[3]]
    if role in ("anonymous", "outsider"):
        from icalendar import Calendar

        [event] = Calendar.from_ical(after[urls[2]]).walk("VEVENT")
        assert f"Lukket punkt: Åbent punkt {SECRET}" in str(event["description"])
        assert f"Åben tekst {SECRET}" not in after[urls[4]]
        assert f"Åben beslutning {SECRET}" not in after[urls[4]]


def _history_urls(objects: Objects) -> list[str]:
    """History URLs with version tokens (issue 17): the item's first version, from when it was
    still open, a decision's and a Bilag's; the routes themselves are in the matrix above."""
    item = objects.item
    first = AgendaItem.history.filter(id=item.pk).earliest("history_date").history_id
    point = DecisionPoint.history.filter(decision_id=objects.decision.pk).earliest(
        "history_date").history_id
    file = Attachment.history.filter(id=objects.attachment.pk).earliest(
        "history_date").history_id
    return [f"/punkter/{item.pk}/historik/sammenlign/?til=i{first}",
            f"/punkter/{item.pk}/historik/sammenlign/?fra=i{first}",
            f"/beslutninger/{objects.decision.pk}/historik/sammenlign/?til=p{point}",
            f"/bilag/{objects.attachment.pk}/historik/fil/?version=b{file}"]


def test_old_versions_of_an_item_closed_since_reach_only_its_secretariat(series, member,
                                                                         outsider, secretary):
    objects = build_meeting_objects(series, member, status=Meeting.Status.PUBLISHED,
                                    item_closed=False)
    AgendaItem.objects.filter(pk=objects.item.pk).update(is_closed=True)  # closed since
    urls = _history_urls(objects)
    for who, expected in ((None, 404), (outsider, 404), (member, 403), (secretary, 200)):
        client = Client()
        if who:
            client.force_login(who)
        for url in urls:
            response = client.get(url)
            assert response.status_code == expected, (who, url)
            if expected != 200:
                assert SECRET not in body_text(response)
def test_search_shows_nothing_of_a_hidden_meeting_outside_the_series(hidden_meeting, outsider,
                                                                     member, secretary):
    leaks = []
    for user in (None, outsider):
        client = Client()
        if user:
            client.force_login(user)
        for url in SEARCH_URLS:
            for method, response in requests_for(client, url):
                assert response.status_code in (200, 405), f"{method} {url}"
                if SECRET in body_text(response):
                    leaks.append(f"{method} {url} ({user or 'anonymous'})")
    assert leaks == []
    admin = make_user("chef", is_superuser=True)
    for user in (member, secretary, admin):  # the control: the series' own people find it
        client = Client()
        client.force_login(user)
        assert f"Lukket tekst {SECRET}" in body_text(client.get(SEARCH_URLS[0]))
