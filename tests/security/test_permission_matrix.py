"""Every object URL of a series' meeting that is not public is a 404 (or 403) for a member of
another series and for anonymous users, changes nothing when posted to, and no response
carries the meeting's content.

The URLs come from the URLconf: every route with parameters outside the admin is filled with
the ids of one meeting and its objects, so a view added later is covered without editing this
file. A route whose parameter this matrix cannot fill fails the test with its name: add the
parameter to OBJECT_IDS (or a value to OTHER_VALUES) then.
"""

import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.converters import IntConverter
from django.urls.resolvers import RoutePattern
from django.utils import timezone

from agendas.models import (
    AgendaItem,
    Attachment,
    Comment,
    MemoSection,
    Note,
    RecommendationPoint,
    SubItem,
)
from agendas.services import recommendation_points_set
from decisions.models import Decision, DecisionPoint, FollowUp
from meetings.models import Meeting
from tests.factories import (
    make_attachment,
    make_item,
    make_meeting,
    make_memo_template,
    make_user,
)

pytestmark = pytest.mark.django_db

# Every text of the meeting carries this mark, so a response that shows any of it is caught.
SECRET = "HEMMELIGT-7Q3"

# URL parameter name -> the object (of `Objects` below) whose id fills it.
OBJECT_IDS = {
    "series_id": "series", "meeting_id": "meeting", "item_id": "item",
    "agenda_item_id": "item", "sub_item_id": "sub_item", "subitem_id": "sub_item",
    "memo_section_id": "memo_section", "section_id": "memo_section",
    "recommendation_id": "recommendation", "recommendation_point_id": "recommendation",
    "attachment_id": "attachment", "decision_id": "decision",
    "decision_point_id": "decision_point", "point_id": "decision_point",
    "follow_up_id": "follow_up", "followup_id": "follow_up",
    "note_id": "note", "comment_id": "comment",
}
# Parameters that are not object ids: the values to try.
OTHER_VALUES: dict[str, list[str]] = {}
OTHER_VALUES["rest"] = ["findes-ikke/"]  # the OParl API's JSON 404 for any other path
# Object pages reached through a query string rather than the path.
QUERY_URLS = ["/?serie={series}"]
# Search answers everyone (200): what it must not do is show the series' texts. The secret's
# word in lower case, so the query echoed in the search box is not mistaken for a leak.
SEARCH_URLS = ["/soeg/?q=hemmeligt", "/soeg/?q=hemmeligt+7q3&type=attachment",
               "/soeg/?q=hemmeligt&type=decision", "/soeg/?q=hemmeligt&type=follow_up",
               "/soeg/?q=hemmeligt&type=meeting", "/soeg/?q=personalesag"]

PARAMETER = re.compile(r"<(?:[^>:]+:)?(?P<name>[^>]+)>")


@dataclass
class Objects:
    series: object
    meeting: Meeting
    item: AgendaItem
    sub_item: SubItem
    memo_section: MemoSection
    recommendation: RecommendationPoint
    attachment: Attachment
    decision: Decision
    decision_point: DecisionPoint
    follow_up: FollowUp
    note: Note
    comment: Comment


def build_meeting_objects(series, member, *, status, item_closed=True) -> Objects:
    meeting = make_meeting(series, status=Meeting.Status.DRAFT,
                           information=f"Mødeinformation {SECRET}")
    make_item(meeting, title=f"Åbent punkt {SECRET}", text=f"<p>Åben tekst {SECRET}</p>")
    item = make_item(meeting, title=f"Personalesag {SECRET}", is_closed=item_closed,
                     text=f"<p>Lukket tekst {SECRET}</p>", memo_template=make_memo_template())
    sub_item = SubItem.objects.create(item=item, letter="A", position=1,
                                      title=f"Underpunkt {SECRET}", text=f"<p>{SECRET}</p>")
    memo_section = item.memo_sections.get(title="SAGSFREMSTILLING")
    MemoSection.objects.filter(pk=memo_section.pk).update(body=f"<p>Sagen {SECRET}</p>")
    [recommendation] = recommendation_points_set(item=item, texts=[f"at {SECRET} godkendes"])
    attachment = make_attachment(item, text=SECRET, title=f"Bilag {SECRET}", is_closed=True)
    decision = Decision.objects.create(item=item, text=f"<p>Drøftet {SECRET}</p>")
    decision_point = DecisionPoint.objects.create(decision=decision, number=1,
                                                  text=f"Godkendt {SECRET}", outcome="godkendt")
    follow_up = FollowUp.objects.create(decision=decision, owner_unit="FAS",
                                        description=f"FAS følger op {SECRET}",
                                        opened_on=meeting.date)
    note = Note.objects.create(item=item, author=member, text=f"Min note {SECRET}")
    comment = Comment.objects.create(item=item, author=member, text=f"Kommentar {SECRET}")
    Meeting.objects.filter(pk=meeting.pk).update(status=status)
    return Objects(series, meeting, item, sub_item, memo_section, recommendation, attachment,
                   decision, decision_point, follow_up, note, comment)


def object_routes() -> list[tuple[str, dict]]:
    """(route, converters) for every route outside the admin that takes parameters."""

    def walk(patterns, prefix, converters):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            found = {**converters, **getattr(entry.pattern, "converters", {})}
            if not isinstance(entry.pattern, RoutePattern):
                found["(regex)"] = None  # re_path: cannot be filled from its converters
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, route, found)
            elif found:
                yield route, found

    return [(route, converters) for route, converters in walk(get_resolver().url_patterns, "", {})
            if not route.startswith("admin/")]


def object_urls(objects: Objects) -> list[str]:
    urls, unfillable = [], []
    for route, converters in object_routes():
        values = {}
        for name, converter in converters.items():
            if isinstance(converter, IntConverter) and name in OBJECT_IDS:
                values[name] = [str(getattr(objects, OBJECT_IDS[name]).pk)]
            elif name in OTHER_VALUES:
                values[name] = OTHER_VALUES[name]
            else:
                unfillable.append(f"/{route} ({name})")
        if len(values) < len(converters):
            continue
        filled = ["/" + route]
        for name, options in values.items():
            filled = [_fill(url, name, value) for url in filled for value in options]
        urls += filled
    assert not unfillable, f"the permission matrix cannot fill these URL parameters: {unfillable}"
    ids = {name: getattr(objects, name).pk for name in ("series", "meeting")}
    return urls + [url.format(**ids) for url in QUERY_URLS]


def _fill(route: str, name: str, value: str) -> str:
    return PARAMETER.sub(lambda match: value if match["name"] == name else match[0], route)


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("latin-1")
    # Without search's marks, which would split a text around the word found.
    return response.content.decode("utf-8", "replace").replace("<mark>", "").replace(
        "</mark>", "")


def _fingerprint(objects: Objects):
    """What a POST must not change: every row of the meeting and its version."""
    rows = []
    for model in (Meeting, AgendaItem, SubItem, MemoSection, RecommendationPoint, Attachment,
                  Decision, DecisionPoint, FollowUp, Note, Comment):
        rows.append(sorted(model.objects.values_list("pk", *(
            ["version"] if hasattr(model, "version") else []))))
    return rows


def _requests(client, url):
    yield "GET", client.get(url)
    yield "GET (htmx)", client.get(url, HTTP_HX_REQUEST="true")
    yield "POST (htmx)", client.post(url, {"title": "x", "text": "x"}, HTTP_HX_REQUEST="true")


def _refusals(client, urls, objects, *, login_redirect_ok):
    before = _fingerprint(objects)
    problems = []
    for url in urls:
        for method, response in _requests(client, url):
            status = response.status_code
            body = _body(response)
            redirect_to_login = (login_redirect_ok and status == 302
                                 and response["Location"].startswith("/log-ind/"))
            if status not in (403, 404, 405) and not redirect_to_login:
                problems.append(f"{method} {url}: {status}")
            if SECRET in body or "%PDF" in body:
                problems.append(f"{method} {url}: the response shows the meeting's content")
    assert _fingerprint(objects) == before, "a refused request changed data"
    return problems


@pytest.fixture(params=["locmem", "redis"])
def kept(request):
    """The leak tests run with the pages kept in the cache (local memory, or a real Redis),
    filled first by the series' own people (`prime`): nothing kept may reach anyone else."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")


def prime(objects: Objects, *users) -> None:
    """Every object URL fetched by `users` (the series' own people), so that what they see is
    kept in the cache before anyone else asks."""
    for user in users:
        client = Client()
        client.force_login(user)
        for url in object_urls(objects):
            client.get(url)
            client.get(url, HTTP_HX_REQUEST="true")


@pytest.fixture
def hidden_meeting(series, member):
    """A meeting whose minutes are approved but not published: its series' own people read
    it, nobody else. Its agenda went out once everything was in place (so the agenda as sent
    exists too)."""
    objects = build_meeting_objects(series, member, status=Meeting.Status.MINUTES_APPROVED)
    Meeting.objects.filter(pk=objects.meeting.pk).update(agenda_sent_at=timezone.now())
    return objects


def test_member_of_another_series_gets_404_on_every_object_url(hidden_meeting, outsider, kept,
                                                                member, secretary):
    prime(hidden_meeting, secretary, member)
    client = Client()
    client.force_login(outsider)

    assert _refusals(client, object_urls(hidden_meeting), hidden_meeting,
                     login_redirect_ok=False) == []


def test_anonymous_user_gets_404_or_the_log_in_page_on_every_object_url(hidden_meeting, kept,
                                                                        member, secretary):
    prime(hidden_meeting, secretary, member)
    assert _refusals(Client(), object_urls(hidden_meeting), hidden_meeting,
                     login_redirect_ok=True) == []


def test_the_series_secretariat_reaches_every_object_url(hidden_meeting, secretary):
    """The control for the two tests above: the ids are right, the refusals are not chance."""
    client = Client()
    client.force_login(secretary)

    not_found = [url for url in object_urls(hidden_meeting) if client.get(url).status_code == 404
                 and not _public_only(url)]
    assert not_found == []


# Open data shows the public's view to everyone: these URLs answer 404 for a meeting that is
# not published, whoever asks (tests/oparl has the rest).
PUBLIC_ONLY_NAMESPACES = {"oparl"}


def _public_only(url: str) -> bool:
    return _url_name(url).split(":")[0] in PUBLIC_ONLY_NAMESPACES


def test_the_open_data_api_shows_an_unpublished_meeting_to_nobody(hidden_meeting, secretary,
                                                                  member, outsider):
    admin = make_user("admin", is_superuser=True, is_staff=True)
    urls = [url for url in object_urls(hidden_meeting) if _public_only(url)]
    assert urls, "the API's object URLs are in the matrix"
    problems = []
    for user in (None, outsider, member, secretary, admin):
        client = Client()
        if user:
            client.force_login(user)
        problems += [f"{user}: {url}" for url in urls if client.get(url).status_code != 404
                     or SECRET in _body(client.get(url))]
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
            if _public_only(url) and _url_name(url) != "oparl:unknown"]
    bodies = {}
    for user in (None, outsider, member, secretary):
        client = Client()
        if user:
            client.force_login(user)
        answers = {url: client.get(url) for url in urls}
        assert [url for url, response in answers.items() if response.status_code != 200] == []
        bodies[user] = {url: response.content for url, response in answers.items()}
    assert all(seen == bodies[None] for seen in bodies.values()), "the same for every role"


def test_a_published_meeting_shows_nothing_of_its_closed_item_to_outsiders(series, member,
                                                                           outsider, secretary,
                                                                           kept):
    objects = build_meeting_objects(series, member, status=Meeting.Status.PUBLISHED)
    prime(objects, secretary, member)
    closed_texts = [f"Lukket tekst {SECRET}", f"Underpunkt {SECRET}", f"Sagen {SECRET}",
                    f"at {SECRET} godkendes", f"Bilag {SECRET}", f"Drøftet {SECRET}",
                    f"Godkendt {SECRET}", f"FAS følger op {SECRET}", f"Min note {SECRET}",
                    f"Kommentar {SECRET}"]
    leaks = []
    for user in (None, outsider):
        client = Client()
        if user:
            client.force_login(user)
        for url in object_urls(objects) + SEARCH_URLS:
            for method, response in _requests(client, url):
                assert response.status_code < 500, f"{method} {url}"
                body = _body(response)
                leaks += [f"{method} {url}: {text}" for text in closed_texts if text in body]

    assert leaks == []
    page = Client().get(objects.meeting.get_absolute_url()).content.decode()
    assert f"Åben tekst {SECRET}" in page, "the open item is public: the control"
    assert f"Personalesag {SECRET}" in page and "Lukket punkt" in page, "title only"


# What a series member may use: reading, their own notes and the shared comments. Every other
# URL (the editor, sending, reopening …) changes things and is the secretariat's alone.
MEMBER_READS = {
    "meetings:list", "meetings:series", "reading:meeting", "documents:agenda",
    "documents:minutes", "documents:pack", "documents:memo", "agendas:attachment",
    "agendas:annotations", "agendas:note_delete",
    "portal:series", "series_ical", "series_atom",
}


def _url_name(url: str) -> str:
    from django.urls import resolve

    match = resolve(url.split("?")[0])
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name


def test_a_member_of_the_series_changes_nothing_and_gets_403_on_every_write_url(
        hidden_meeting, member):
    client = Client()
    client.force_login(member)
    before = _fingerprint(hidden_meeting)
    problems = []
    for url in object_urls(hidden_meeting):
        if _url_name(url) == "agendas:note_delete":
            continue  # the note is the member's own, theirs to delete
        writes = _url_name(url) not in MEMBER_READS
        for method, response in _requests(client, url):
            status = response.status_code
            if status >= 500:
                problems.append(f"{method} {url}: {status}")
            elif writes and status not in (403, 404, 405):
                problems.append(f"{method} {url}: {status}, expected 403")
    assert problems == []
    assert _fingerprint(hidden_meeting) == before, "a member's request changed data"


def test_a_member_gets_403_with_a_danish_page_from_the_editor(hidden_meeting, member):
    client = Client()
    client.force_login(member)
    response = client.get(f"/moeder/{hidden_meeting.meeting.pk}/rediger/")
    assert response.status_code == 403
    assert "Du har ikke adgang til denne side" in response.content.decode()


def test_a_draft_is_hidden_from_its_own_members_on_every_url(series, member):
    draft = build_meeting_objects(series, member, status=Meeting.Status.DRAFT)
    client = Client()
    client.force_login(member)
    problems = []
    for url in object_urls(draft):
        if url.startswith("/?") or _url_name(url) in {"meetings:series", "agendas:note_delete",
                                                      "agendas:annotations", "portal:series",
                                                      "series_ical", "series_atom"}:
            continue  # the series is theirs; notes of a draft are not readable (404) anyway
        for method, response in _requests(client, url):
            if response.status_code not in (403, 404, 405):
                problems.append(f"{method} {url}: {response.status_code}")
    assert problems == []


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
        bodies[url] = _body(response)
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
                assert SECRET not in _body(response)
def test_search_shows_nothing_of_a_hidden_meeting_outside_the_series(hidden_meeting, outsider,
                                                                     member, secretary):
    leaks = []
    for user in (None, outsider):
        client = Client()
        if user:
            client.force_login(user)
        for url in SEARCH_URLS:
            for method, response in _requests(client, url):
                assert response.status_code in (200, 405), f"{method} {url}"
                if SECRET in _body(response):
                    leaks.append(f"{method} {url} ({user or 'anonymous'})")
    assert leaks == []
    admin = make_user("chef", is_superuser=True)
    for user in (member, secretary, admin):  # the control: the series' own people find it
        client = Client()
        client.force_login(user)
        assert f"Lukket tekst {SECRET}" in _body(client.get(SEARCH_URLS[0]))
