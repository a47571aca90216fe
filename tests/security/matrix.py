"""The permission matrix's pieces: one meeting with an object of every kind, every text
marked with SECRET, and every object URL of the URLconf filled with their ids."""

import re
from dataclasses import dataclass

from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.converters import IntConverter
from django.urls.resolvers import RoutePattern

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
)

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


def body_text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("latin-1")
    # Without search's marks, which would split a text around the word found.
    return response.content.decode("utf-8", "replace").replace("<mark>", "").replace(
        "</mark>", "")


def fingerprint(objects: Objects):
    """What a POST must not change: every row of the meeting and its version."""
    rows = []
    for model in (Meeting, AgendaItem, SubItem, MemoSection, RecommendationPoint, Attachment,
                  Decision, DecisionPoint, FollowUp, Note, Comment):
        rows.append(sorted(model.objects.values_list("pk", *(
            ["version"] if hasattr(model, "version") else []))))
    return rows


def requests_for(client, url):
    yield "GET", client.get(url)
    yield "GET (htmx)", client.get(url, HTTP_HX_REQUEST="true")
    yield "POST (htmx)", client.post(url, {"title": "x", "text": "x"}, HTTP_HX_REQUEST="true")


def refusals(client, urls, objects, *, login_redirect_ok):
    before = fingerprint(objects)
    problems = []
    for url in urls:
        for method, response in requests_for(client, url):
            status = response.status_code
            body = body_text(response)
            redirect_to_login = (login_redirect_ok and status == 302
                                 and response["Location"].startswith("/log-ind/"))
            if status not in (403, 404, 405) and not redirect_to_login:
                problems.append(f"{method} {url}: {status}")
            if SECRET in body or "%PDF" in body:
                problems.append(f"{method} {url}: the response shows the meeting's content")
    assert fingerprint(objects) == before, "a refused request changed data"
    return problems


def prime(objects: Objects, *users) -> None:
    """Every object URL fetched by `users` (the series' own people), so that what they see is
    kept in the cache before anyone else asks."""
    for user in users:
        client = Client()
        client.force_login(user)
        for url in object_urls(objects):
            client.get(url)
            client.get(url, HTTP_HX_REQUEST="true")


# Open data shows the public's view to everyone: these URLs answer 404 for a meeting that is
# not published, whoever asks (tests/oparl has the rest).
PUBLIC_ONLY_NAMESPACES = {"oparl"}


def url_name(url: str) -> str:
    from django.urls import resolve

    match = resolve(url.split("?")[0])
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name


def public_only(url: str) -> bool:
    return url_name(url).split(":")[0] in PUBLIC_ONLY_NAMESPACES
