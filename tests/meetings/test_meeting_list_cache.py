"""The meeting list is kept in the cache, and shows every change at once: a new meeting, a
changed or deleted one, a renamed series, a reader who joins a series."""

import pytest
from django.test import Client

from meetings.models import Meeting
from meetings.services import meeting_send_agenda
from tests.factories import make_meeting, make_series

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["locmem", "redis"])
def kept(request):
    if request.param == "redis":
        request.getfixturevalue("redis_cache")


def listing(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_kept_list_shows_each_change_at_once(client, member, series, kept):
    client.force_login(member)
    first = make_meeting(series, status=Meeting.Status.AGENDA_SENT, location="Lokale 1")
    assert "Lokale 1" in listing(client)

    second = make_meeting(series, items=["Dagsorden"], location="Lokale 2")
    assert "Lokale 2" not in listing(client)  # a draft
    meeting_send_agenda(meeting=second)
    assert "Lokale 2" in listing(client)

    first.location = "Lokale 3"
    first.save()
    assert "Lokale 3" in listing(client)

    series.name = "Omdøbt serie"
    series.save()
    assert "Omdøbt serie" in listing(client)

    second.delete()
    assert "Lokale 2" not in listing(client)


def test_a_reader_who_joins_a_series_sees_its_meetings_at_once(client, member, kept):
    other = make_series(name="Direktionen")
    make_meeting(other, status=Meeting.Status.AGENDA_SENT, location="Direktionsgangen")
    client.force_login(member)
    assert "Direktionsgangen" not in listing(client)
    other.members.add(member)
    assert "Direktionsgangen" in listing(client)
    other.members.remove(member)
    assert "Direktionsgangen" not in listing(client)


def test_a_publication_reaches_the_public_list_at_once(series, kept):
    meeting = make_meeting(series, status=Meeting.Status.MINUTES_APPROVED,
                           location="Byrådssalen")
    public = Client()
    assert "Byrådssalen" not in listing(public)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED)
    assert "Byrådssalen" in listing(public)
