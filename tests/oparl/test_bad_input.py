"""Paging, filters and conditional requests, and what bad input gets: a 400 with a Danish
message, an empty page past the end, a JSON 404 — never a 500."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.utils.http import urlencode

from meetings.models import Meeting
from tests.factories import make_meeting
from tests.oparl.crawl import API
from tests.oparl.schema import assert_valid_page

pytestmark = pytest.mark.django_db

MEETINGS = f"{API}body/meetings/"


@pytest.fixture
def five_meetings(series):
    return [make_meeting(series, status=Meeting.Status.PUBLISHED, items=[f"Punkt {n}"])
            for n in range(5)]


def _get(url, **headers):
    response = Client().get(url, **headers)
    assert response.status_code < 500
    return response, json.loads(response.content) if response.content else None


def test_pages_follow_each_other_and_keep_the_filters(five_meetings):
    response, page = _get(MEETINGS + "?limit=2&omit_internal=true")
    assert page["pagination"] == {"totalElements": 5, "elementsPerPage": 2, "currentPage": 1,
                                  "totalPages": 3}
    seen = [m["id"] for m in page["data"]]
    while "next" in page["links"]:
        assert "limit=2" in page["links"]["next"] and "omit_internal=true" in page["links"]["next"]
        response, page = _get(page["links"]["next"])
        assert_valid_page(page)
        seen += [m["id"] for m in page["data"]]
    assert len(set(seen)) == 5
    assert page["links"]["last"] == page["links"]["self"]
    assert "agendaItem" not in page["data"][0], "omit_internal leaves the items out"


def test_a_page_past_the_end_is_empty(five_meetings):
    response, page = _get(MEETINGS + "?page=7&limit=2")
    assert response.status_code == 200
    assert page["data"] == []
    assert page["pagination"]["currentPage"] == 7
    assert page["links"]["prev"] == page["links"]["last"]
    assert "next" not in page["links"]


@pytest.mark.parametrize("query", ["page=abc", "page=0", "page=-1", "page=1.5", "page=%EF%BC%91",
                                   "page=99999999999999999999", "limit=0", "limit=x",
                                   "modified_since=igår", "created_until=2024-13-45T00:00:00",
                                   "modified_since=%00"])
def test_a_bad_parameter_is_a_400_with_a_danish_message(five_meetings, query):
    response, body = _get(f"{MEETINGS}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert body["type"] == "https://schema.oparl.org/1.1/Error"
    assert any(word in body["message"] for word in ("skal være", "tidspunkt"))


def test_a_limit_above_the_maximum_gives_the_maximum(five_meetings):
    response, page = _get(MEETINGS + "?limit=100000&omit_internal=true")
    assert page["pagination"]["elementsPerPage"] == 100
    response, page = _get(MEETINGS + "?limit=100000")
    assert page["pagination"]["elementsPerPage"] == 20, "meetings with their items inside"
    response, page = _get(f"{API}body/agenda-items/?limit=100000")
    assert page["pagination"]["elementsPerPage"] == 100


def test_modified_and_created_filters(five_meetings):
    first = five_meetings[0]
    moment = dt.datetime.now(dt.UTC).isoformat()  # microseconds: after the others were made
    Meeting.objects.filter(pk=first.pk).update(location="Flyttet")  # moves its version
    _, changed = _get(MEETINGS + "?" + urlencode({"modified_since": moment}))
    assert [m["id"] for m in changed["data"]] == [f"{API}meeting/{first.pk}/"]
    _, before = _get(MEETINGS + "?" + urlencode({"modified_until": moment}))
    assert before["pagination"]["totalElements"] == 4
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    for name in ("modified_since", "created_since"):
        _, empty = _get(MEETINGS + "?" + urlencode({name: future}))
        assert empty["data"] == [] and empty["pagination"]["totalElements"] == 0
    _, until = _get(MEETINGS + "?" + urlencode({"created_until": future}))
    assert until["pagination"]["totalElements"] == 5


def test_an_unencoded_plus_in_a_moment_is_read_as_one(five_meetings):
    response, page = _get(MEETINGS + "?modified_since=2020-01-01T00:00:00+01:00")
    assert response.status_code == 200
    assert page["pagination"]["totalElements"] == 5


def test_a_conditional_get_of_an_unchanged_list_or_object_is_a_304(five_meetings):
    for url in (MEETINGS, f"{API}meeting/{five_meetings[0].pk}/", API):
        response = Client().get(url)
        again = Client().get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304, url
        again = Client().get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        assert again.status_code == 304, url
    response = Client().get(MEETINGS)
    Meeting.objects.filter(pk=five_meetings[0].pk).update(location="Et andet sted")
    assert Client().get(MEETINGS, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


@pytest.mark.parametrize("path", ["meeting/999999/", "agenda-item/0/", "findes-ikke/",
                                  "meeting/abc/", "file/99999999999999999999/"])
def test_an_unknown_url_is_a_json_404(path):
    response, body = _get(API + path)
    assert response.status_code == 404
    assert body["message"] == "Objektet findes ikke, eller det er ikke offentligt."


def test_the_api_only_reads(five_meetings):
    response = Client().post(MEETINGS, {"title": "x"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_other_sites_may_read_it():
    assert Client().get(API)["Access-Control-Allow-Origin"] == "*"
