import datetime as dt

import pytest
from django.test import Client

from meetings.models import Meeting
from tests.factories import make_meeting, make_recommendations


@pytest.fixture
def minutes_meeting(series):
    """6 March 2023 as the minute taker finds it: the agenda sent, items 1-3, item 3 with a
    memo's recommendation point."""
    meeting = make_meeting(series, date=dt.date(2023, 3, 6),
                           items=["Dagsorden", "Referat", "Klimaplan i MSB"],
                           status=Meeting.Status.MINUTES_DRAFT)
    klimaplan = meeting.items.get(title="Klimaplan i MSB")
    make_recommendations(klimaplan, "at rådmanden godkender klimaplanen")
    return meeting


@pytest.fixture
def secretary_client(secretary):
    client = Client()
    client.force_login(secretary)
    return client


def htmx(client, url, data=None, **extra):
    """A POST as htmx sends it from the minute taker's screen."""
    return client.post(url, data or {}, HTTP_HX_REQUEST="true",
                       HTTP_HX_CURRENT_URL="http://testserver/", **extra)
