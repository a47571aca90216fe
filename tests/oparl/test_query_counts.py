"""Pinned query counts: each API list page costs the same number of queries whatever the
number of meetings, items and Bilag behind it (a small and a large case, one count)."""

import json

import pytest
from django.test import Client

from meetings.models import Meeting
from tests.factories import (
    make_attachment,
    make_decision,
    make_item,
    make_meeting,
    make_memo_template,
    make_recommendations,
    make_series,
)
from tests.oparl.crawl import API

pytestmark = pytest.mark.django_db


def public_meetings(size: int) -> None:
    """`size` published meetings in two series, each with `size` open items (memo, decision,
    an open and a closed Bilag) and a closed item."""
    template = make_memo_template()
    for series in (make_series(), make_series()):
        for _n in range(size):
            meeting = make_meeting(series, status=Meeting.Status.PUBLISHED)
            for _m in range(size):
                item = make_item(meeting, memo_template=template)
                points = make_recommendations(item, "at sagen godkendes")
                make_decision(item, points=[("Godkendt.", "godkendt", points)])
                make_attachment(item, text="Bilag")
                make_attachment(item, text="Lukket", is_closed=True)
            make_item(meeting, title="Lukket punkt", is_closed=True)


# Every list: 1 the newest content version (Last-Modified), 2 the count, 3 the page's rows
# (+ their meeting and series, and when each was made), then the prefetches named.
LISTS = [
    ("body/meetings/", 7, "4 items, 5 their Bilag, 6 decisions, 7 decision points"),
    ("body/meetings/?omit_internal=true", 3, "no internal lists"),
    ("body/agenda-items/", 6, "4 Bilag, 5 decisions, 6 decision points"),
    ("body/papers/", 4, "4 Bilag"),
    ("body/consultations/", 3, ""),
    ("body/files/", 3, ""),
    ("body/organizations/", 3, ""),
]


@pytest.mark.parametrize("size", [1, 4])
def test_every_list_page_costs_the_same_queries_whatever_its_size(django_assert_num_queries,
                                                                  size):
    public_meetings(size)
    for path, queries, _prefetches in LISTS:
        with django_assert_num_queries(queries):
            response = Client().get(API + path)
        assert response.status_code == 200
        assert json.loads(response.content)["pagination"]["totalElements"] >= 2
    etag = Client().get(API + "body/meetings/")["ETag"]
    # Asked again unchanged: the newest content version alone, and a 304.
    with django_assert_num_queries(1):
        assert Client().get(API + "body/meetings/", HTTP_IF_NONE_MATCH=etag).status_code == 304
