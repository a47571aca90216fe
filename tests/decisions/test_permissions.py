"""Every URL of the minutes (taken from the URLconf, so a new one is covered): the series'
secretariat reaches it, a member of the series gets 403, a member of another series 404, an
anonymous visitor the log-in page; and none of the refused requests changes anything.
(tests/security/test_permission_matrix.py covers outsiders and anonymous for all URLs.)"""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from decisions.models import Attendance, Decision, DecisionPoint, FollowUp, ItemAttendance, Phrase
from meetings.models import Meeting
from tests.security.matrix import build_meeting_objects, object_urls

pytestmark = pytest.mark.django_db


def decisions_urls(objects) -> list[str]:
    """The object URLs of the decisions app, filled with the matrix's meeting."""
    resolver = next(p for p in get_resolver().url_patterns
                    if isinstance(p, URLResolver) and p.namespace == "decisions")
    routes = [str(p.pattern) for p in resolver.url_patterns if "<" in str(p.pattern)]
    urls = [u for u in object_urls(objects) if any(_matches(u, route) for route in routes)]
    assert len(urls) == len(routes), "every route with an object is filled once"
    return urls


def _matches(url: str, route: str) -> bool:
    pattern = "^/" + re.sub(r"<int:\w+>", r"\\d+", route) + "$"
    return re.match(pattern, url) is not None


def _state():
    return [sorted(model.objects.values_list("pk", *(["version"] if hasattr(model, "version")
                                                     else [])))
            for model in (Meeting, Decision, DecisionPoint, FollowUp, Attendance,
                          ItemAttendance, Phrase)]


@pytest.fixture
def objects(series, member):
    """A meeting whose minutes are being written: its people see it, nobody else."""
    return build_meeting_objects(series, member, status=Meeting.Status.MINUTES_DRAFT,
                                 item_closed=False)


# The decision's own parts (points, follow-ups) a member does not see before the minutes are
# approved: 404 then, as for anything one may not see.
DRAFT_PARTS = re.compile(r"^/(beslutningspunkter|opfoelgninger)/\d+/")


@pytest.mark.parametrize("status", [Meeting.Status.MINUTES_DRAFT,
                                    Meeting.Status.MINUTES_APPROVED])
def test_a_member_of_the_series_gets_403_on_every_minutes_url(series, member, status):
    objects = build_meeting_objects(series, member, status=status, item_closed=False)
    client = Client()
    client.force_login(member)
    before = _state()
    problems = []
    for url in decisions_urls(objects):
        hidden = status == Meeting.Status.MINUTES_DRAFT and DRAFT_PARTS.match(url)
        expected = 404 if hidden else 403
        for method in ("get", "post"):
            response = getattr(client, method)(url, HTTP_HX_REQUEST="true")
            if response.status_code not in (expected, 405):
                problems.append(f"{method.upper()} {url}: {response.status_code}")
        if client.post(url).status_code != expected:
            problems.append(f"POST {url}: not {expected}")
    assert problems == []
    assert _state() == before


def test_outsiders_get_404_and_anonymous_the_log_in_page(objects, outsider):
    before = _state()
    stranger, anonymous = Client(), Client()
    stranger.force_login(outsider)
    for url in decisions_urls(objects):
        assert stranger.post(url, {"text": "x"}).status_code == 404, url
        assert stranger.get(url).status_code in (404, 405), url
        response = anonymous.post(url, {"text": "x"})
        assert response.status_code == 302 and response["Location"].startswith("/log-ind/"), url
    assert _state() == before


def test_the_secretariat_reaches_every_minutes_url(objects, secretary):
    client = Client()
    client.force_login(secretary)
    for url in decisions_urls(objects):
        assert client.get(url).status_code in (200, 302, 405), url
