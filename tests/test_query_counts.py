"""Pinned query counts: every page costs the same number of queries whatever the size of the
meeting (items, sub-items, attachments, decisions, follow-ups) or of the meeting list.

Each test renders a small and a large case with the same pinned count, so an N+1 in a view,
a template or `reading.content.meeting_content` fails here before it reaches a benchmark.
A page asked for again is served from the cache (reading/cache.py) at the cost of knowing who
asks and which version of the meeting is current.
"""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from agendas.models import Comment, Note, SubItem
from decisions.models import Attendance, ItemAttendance
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

SIZES = [1, 6]


def _csrf(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def published_meeting(series, *, size: int, owner, reader) -> Meeting:
    """A published meeting with `size` open items and one closed one, each item as full as the
    page can show: memo, recommendation points, sub-items, two attachments (one closed), a
    decision with two points answering them, follow-ups owned by a person and a unit, and the
    reader's note and a shared comment."""
    meeting = make_meeting(series, status=Meeting.Status.PUBLISHED, minute_taker=owner)
    template = make_memo_template()
    for n in range(size):
        item = make_item(meeting, memo_template=template, responsible="FAS", method="orientering")
        for letter, position in (("A", 1), ("B", 2)):
            SubItem.objects.create(item=item, letter=letter, position=position,
                                   title=f"Underpunkt {letter}", minutes=5)
        points = make_recommendations(item, "at punkt 1 godkendes", "at punkt 2 godkendes")
        make_attachment(item, text=f"Bilag {n}")
        make_attachment(item, text=f"Lukket bilag {n}", is_closed=True)
        make_decision(item, points=[("Godkendt.", "godkendt", points[:1]),
                                    ("Godkendt.", "godkendt", points[1:])],
                      follow_ups=[("Følger op", owner), ("Følger også op", "FAS")])
        Note.objects.create(item=item, author=reader, text="Min note")
        Comment.objects.create(item=item, author=reader, text="Delt kommentar")
        ItemAttendance.objects.create(item=item, user=owner, kind="inhabil")
    Attendance.objects.create(meeting=meeting, user=owner, status="present")
    if reader != owner:
        Attendance.objects.create(meeting=meeting, user=reader, status="absent")
    make_item(meeting, title="Personalesag", is_closed=True)
    return meeting


@pytest.mark.parametrize("size", SIZES)
def test_meeting_page_costs_seventeen_queries_for_a_member_whatever_its_size(
        client, series, member, secretary, django_assert_num_queries, size):
    meeting = published_meeting(series, size=size, owner=secretary, reader=member)
    client.force_login(member)
    # 1 session, 2 user, 3 the series in which the reader is secretariat or member (read once,
    # so no query nests them again), 4 meeting (+series, minute taker, "are its decisions
    # released?"), 5 listed items (+memo template), 6 sub-items, 7 recommendation points,
    # 8 memo sections, 9 attachments, 10 decisions, 11 decision points, 12 the recommendation
    # points they answer, 13 follow-ups (+owner), 14 who was away during each item or
    # "Inhabil" (+member), 15 the reader's notes, 16 shared comments (+author), 17 the
    # meeting's attendance (+member)
    with django_assert_num_queries(17):
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h4>B) Underpunkt B</h4>") == size
    assert page.count("<p>Min note</p>") == page.count("<p>Delt kommentar</p>") == size
    assert page.count("<dt>Inhabil</dt>") == size and "<dt>Afbud</dt>" in page
    assert "Personalesag" in page
    # Asked again: 1 session, 2 user, 3 the reader's series, 4 meeting; the page is kept.
    with django_assert_num_queries(4):
        again = client.get(meeting.get_absolute_url())
    assert again.content == response.content.replace(
        _csrf(response).encode(), _csrf(again).encode())


@pytest.mark.parametrize("size", SIZES)
def test_public_meeting_page_costs_twelve_queries_whatever_its_size(
        client, series, secretary, django_assert_num_queries, size):
    meeting = published_meeting(series, size=size, owner=secretary, reader=secretary)
    # No session and no user for an anonymous reader, and no "may edit" query:
    # 1 meeting, 2 listed items, 3 sub-items, 4 recommendation points, 5 memo sections,
    # 6 attachments, 7 decisions, 8 decision points, 9 answered points, 10 follow-ups,
    # 11 who was away during each item, 12 the meeting's attendance
    with django_assert_num_queries(12):
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Godkendt.") == 2 * size
    assert "Lukket bilag" not in page and "Min note" not in page
    # Asked again: the meeting (is it still public, which version is current?) and no more.
    with django_assert_num_queries(1):
        assert Client().get(meeting.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("meetings", [2, 30])
def test_meeting_list_costs_six_queries_for_a_member_whatever_the_number_of_meetings(
        client, member, django_assert_num_queries, meetings):
    series = make_series(members=[member])
    today = timezone.localdate()
    for n in range(meetings):
        # Half upcoming, half earlier (more than one page of 25 in the large case).
        make_meeting(series, date=today + dt.timedelta(days=n - meetings // 2),
                     status=Meeting.Status.AGENDA_SENT)
    client.force_login(member)
    # 1 session, 2 user, 3 the reader's series, 4 visible series (+the number and versions
    # of their visible meetings, which also count the earlier ones for the paginator),
    # 5 upcoming meetings (+series), 6 one page of earlier meetings (+series)
    with django_assert_num_queries(6):
        response = client.get("/")
    assert response.status_code == 200
    assert response.content.decode().count('href="/moeder/') == min(meetings, meetings // 2 + 25)
    # Asked again: 1 session, 2 user, 3 the reader's series, 4 visible series; the page is kept.
    with django_assert_num_queries(4):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("meetings", [2, 30])
def test_public_meeting_list_costs_three_queries_whatever_the_number_of_meetings(
        client, db, django_assert_num_queries, meetings):
    series = make_series()
    for n in range(meetings):
        make_meeting(series, date=dt.date(2023, 1, 2) + dt.timedelta(days=n),
                     status=Meeting.Status.PUBLISHED)
    # 1 visible series (+the number and versions of their visible meetings), 2 upcoming
    # meetings, 3 one page of earlier meetings
    with django_assert_num_queries(3):
        response = client.get("/")
    assert response.status_code == 200
    assert response.content.decode().count('href="/moeder/') == min(meetings, 25)
    with django_assert_num_queries(1):  # asked again: the visible series
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("attachments", [1, 5])
def test_attachment_download_costs_three_queries_whatever_the_item_holds(
        client, series, member, django_assert_num_queries, attachments):
    meeting = make_meeting(series, status=Meeting.Status.AGENDA_SENT)
    item = make_item(meeting)
    files = [make_attachment(item, text=f"Bilag {n}") for n in range(attachments)]
    client.force_login(member)
    # 1 session, 2 user, 3 the attachment, filtered by the visibility rule
    with django_assert_num_queries(3):
        response = client.get(files[-1].get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_robots_txt_needs_no_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /bilag/" in response.content.decode()


@pytest.mark.parametrize("notes", [1, 8])
def test_notes_page_costs_five_queries_whatever_the_number_of_notes_and_comments(
        client, series, member, secretary, django_assert_num_queries, notes):
    item = make_item(make_meeting(series, status=Meeting.Status.AGENDA_SENT))
    for n in range(notes):
        Note.objects.create(item=item, author=member, text=f"Note {n}")
        Comment.objects.create(item=item, author=secretary if n % 2 else member,
                               text=f"Kommentar {n}")
    client.force_login(member)
    # 1 session, 2 user, 3 the item (+meeting, series) through the annotation rule,
    # 4 the reader's notes, 5 the shared comments (+author)
    with django_assert_num_queries(5):
        response = client.get(f"/punkter/{item.pk}/noter/")
    assert response.status_code == 200
    assert response.content.decode().count("Kommentar ") == notes


@pytest.mark.parametrize("size", [1, 30])  # 30 items and 90 Bilag, as the issue asks
def test_the_editor_costs_the_same_queries_whatever_the_meetings_size(
        client, series, secretary, django_assert_num_queries, size):
    meeting = make_meeting(series, minute_taker=secretary)
    template = make_memo_template()
    for n in range(size):
        item = make_item(meeting, memo_template=template, minutes=10)
        SubItem.objects.create(item=item, letter="A", position=1, title="Underpunkt", minutes=5)
        make_recommendations(item, "at punkt 1 godkendes", "at punkt 2 godkendes")
        for k in range(3):
            make_attachment(item, text=f"Bilag {n}-{k}")
    client.force_login(secretary)
    # 1 session, 2 user, 3 meeting (+series), 4 "is the user its secretariat?", 5 items
    # (+memo template), 6 sub-items, 7 recommendation points, 8 memo sections, 9 attachments,
    # 10 office files being converted (or failed), 11 the minute taker, 12 the series'
    # members (sending), 13 the lifecycle's steps
    with django_assert_num_queries(13):
        response = client.get(f"/moeder/{meeting.pk}/rediger/")
    assert response.status_code == 200
    assert response.content.decode().count('class="attachment"') == 3 * size
