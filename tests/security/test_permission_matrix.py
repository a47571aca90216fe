"""Every object URL of a series' meeting that is not public is a 404 (or 403) for a member of
another series and for anonymous users, changes nothing when posted to, and no response
carries the meeting's content.

The URLs come from the URLconf: every route with parameters outside the admin is filled with
the ids of one meeting and its objects, so a view added later is covered without editing this
file. A route whose parameter this matrix cannot fill fails the test with its name: add the
parameter to OBJECT_IDS (or a value to OTHER_VALUES) in tests/security/matrix.py then.
"""


import pytest
from django.test import Client

from meetings.models import Meeting
from tests.security.matrix import (
    SEARCH_URLS,
    SECRET,
    body_text,
    build_meeting_objects,
    fingerprint,
    object_urls,
    prime,
    public_only,
    refusals,
    requests_for,
    url_name,
)

pytestmark = pytest.mark.django_db


def test_member_of_another_series_gets_404_on_every_object_url(hidden_meeting, outsider, kept,
                                                                member, secretary):
    prime(hidden_meeting, secretary, member)
    client = Client()
    client.force_login(outsider)

    assert refusals(client, object_urls(hidden_meeting), hidden_meeting,
                     login_redirect_ok=False) == []


def test_anonymous_user_gets_404_or_the_log_in_page_on_every_object_url(hidden_meeting, kept,
                                                                        member, secretary):
    prime(hidden_meeting, secretary, member)
    assert refusals(Client(), object_urls(hidden_meeting), hidden_meeting,
                     login_redirect_ok=True) == []


def test_the_series_secretariat_reaches_every_object_url(hidden_meeting, secretary):
    """The control for the two tests above: the ids are right, the refusals are not chance."""
    client = Client()
    client.force_login(secretary)

    not_found = [url for url in object_urls(hidden_meeting) if client.get(url).status_code == 404
                 and not public_only(url)]
    assert not_found == []


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
            for method, response in requests_for(client, url):
                assert response.status_code < 500, f"{method} {url}"
                body = body_text(response)
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




def test_a_member_of_the_series_changes_nothing_and_gets_403_on_every_write_url(
        hidden_meeting, member):
    client = Client()
    client.force_login(member)
    before = fingerprint(hidden_meeting)
    problems = []
    for url in object_urls(hidden_meeting):
        if url_name(url) == "agendas:note_delete":
            continue  # the note is the member's own, theirs to delete
        writes = url_name(url) not in MEMBER_READS
        for method, response in requests_for(client, url):
            status = response.status_code
            if status >= 500:
                problems.append(f"{method} {url}: {status}")
            elif writes and status not in (403, 404, 405):
                problems.append(f"{method} {url}: {status}, expected 403")
    assert problems == []
    assert fingerprint(hidden_meeting) == before, "a member's request changed data"


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
        if url.startswith("/?") or url_name(url) in {"meetings:series", "agendas:note_delete",
                                                      "agendas:annotations", "portal:series",
                                                      "series_ical", "series_atom"}:
            continue  # the series is theirs; notes of a draft are not readable (404) anyway
        for method, response in requests_for(client, url):
            if response.status_code not in (403, 404, 405):
                problems.append(f"{method} {url}: {response.status_code}")
    assert problems == []
