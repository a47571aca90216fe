import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import Meeting, MeetingSeries
from tests.factories import make_meeting, make_series

pytestmark = pytest.mark.django_db


def test_meeting_must_end_after_it_starts_with_a_danish_message(series):
    meeting = Meeting(series=series, date=dt.date(2023, 3, 6), start_time=dt.time(13, 0),
                      end_time=dt.time(11, 0))
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "Mødet skal slutte efter, at det begynder." in str(error.value)


def test_database_refuses_a_meeting_ending_before_it_starts_even_around_validation(series):
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(series=series, date=dt.date(2023, 3, 6),
                               start_time=dt.time(13, 0), end_time=dt.time(11, 0))


def test_two_meetings_of_a_series_cannot_share_date_and_start(series):
    make_meeting(series, date=dt.date(2023, 3, 6))
    duplicate = Meeting(series=series, date=dt.date(2023, 3, 6), start_time=dt.time(11, 0))
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Serien har allerede et møde på denne dato og dette tidspunkt." in str(error.value)


def test_database_refuses_an_unknown_status(series):
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(series=series, date=dt.date(2023, 3, 6),
                               start_time=dt.time(11, 0), status="lost")


def test_series_kind_must_be_a_known_kind():
    series = MeetingSeries(name="X", kind="kaffemøde")
    with pytest.raises(ValidationError) as error:
        series.full_clean()
    assert "kind" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        make_series(name="Y", kind="kaffemøde")
