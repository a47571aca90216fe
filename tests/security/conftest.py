"""Fixtures of the permission matrix (tests/security/matrix.py)."""


import pytest
from django.utils import timezone

from meetings.models import Meeting
from tests.security.matrix import build_meeting_objects


@pytest.fixture(params=["locmem", "redis"])
def kept(request):
    """The leak tests run with the pages kept in the cache (local memory, or a real Redis),
    filled first by the series' own people (`prime`): nothing kept may reach anyone else."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")


@pytest.fixture
def hidden_meeting(series, member):
    """A meeting whose minutes are approved but not published: its series' own people read
    it, nobody else. Its agenda went out once everything was in place (so the agenda as sent
    exists too)."""
    objects = build_meeting_objects(series, member, status=Meeting.Status.MINUTES_APPROVED)
    Meeting.objects.filter(pk=objects.meeting.pk).update(agenda_sent_at=timezone.now())
    return objects
