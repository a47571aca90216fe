"""The public portal: the series, their published meetings by year, nothing unpublished."""

import datetime as dt
import re

import pytest

from meetings.models import Meeting
from tests.factories import make_item, make_meeting, make_series

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(series):
    meeting = make_meeting(series, date=dt.date(2024, 5, 13), status=Meeting.Status.PUBLISHED)
    make_item(meeting, title="Åbent punkt om cykelstier")
    make_item(meeting, title="Personalesag", is_closed=True, text="<p>Fortroligt indhold</p>")
    return meeting


def test_the_portal_lists_the_series_with_published_meetings_to_anyone(client, published):
    make_series(name="Serie uden offentlige møder")
    html = client.get("/portal/").content.decode()
    assert "Rådmandsmøder 2022-2025" in html
    assert "1 offentliggjort møde" in html
    assert "Serie uden offentlige møder" not in html


def test_a_series_page_shows_its_published_meetings_by_year_and_never_a_draft(
        client, series, published):
    make_meeting(series, date=dt.date(2023, 3, 6), status=Meeting.Status.PUBLISHED)
    make_meeting(series, date=dt.date(2024, 6, 3), status=Meeting.Status.DRAFT)
    make_meeting(series, date=dt.date(2024, 6, 10), status=Meeting.Status.MINUTES_APPROVED)
    html = client.get(f"/portal/serier/{series.pk}/").content.decode()
    assert "Møder i 2024" in html, "the latest year first"
    assert "13. maj 2024" in html
    assert "3. juni 2024" not in html and "10. juni 2024" not in html, "not published"
    assert 'href="?aar=2023"' in html
    older = client.get(f"/portal/serier/{series.pk}/?aar=2023").content.decode()
    assert "Møder i 2023" in older and "6. marts 2023" in older and "13. maj 2024" not in older


def test_a_meeting_of_the_portal_shows_its_closed_item_by_title_only(client, published):
    html = client.get(f"/portal/serier/{published.series_id}/").content.decode()
    assert published.get_absolute_url() in html
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Åbent punkt om cykelstier" in page
    assert "Personalesag" in page and "Lukket punkt" in page
    assert "Fortroligt indhold" not in page


@pytest.mark.parametrize("year", ["abc", "1850", "2024'; DROP TABLE x;--", "9" * 30])
def test_a_bad_year_is_ignored_with_a_message(client, published, year):
    response = client.get(f"/portal/serier/{published.series_id}/", {"aar": year})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Der er ingen offentliggjorte møder i" in html
    assert "Møder i 2024" in html


def test_a_series_nobody_may_see_is_a_404_with_the_log_in_offered(client, series):
    make_meeting(series, status=Meeting.Status.AGENDA_SENT)
    response = client.get(f"/portal/serier/{series.pk}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Siden findes ikke" in html
    assert f'href="/log-ind/?next=%2Fportal%2Fserier%2F{series.pk}%2F"' in html
    assert series.name not in html


def test_the_404_page_offers_no_log_in_to_someone_logged_in(client, outsider, series):
    client.force_login(outsider)
    response = client.get(f"/portal/serier/{series.pk}/")
    assert response.status_code == 404
    assert "/log-ind/?next=" not in response.content.decode()


def test_an_unpublished_meeting_page_answers_anonymous_with_the_log_in(client, meeting):
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 404
    assert "Er siden ikke offentlig, kan du logge ind" in response.content.decode()
    assert f"/log-ind/?next=%2Fmoeder%2F{meeting.pk}%2F" in response.content.decode()


def test_the_series_secretariat_reaches_its_portal_page_before_anything_is_published(
        client, secretary, series):
    make_meeting(series, date=dt.date(2024, 6, 3), status=Meeting.Status.DRAFT)
    client.force_login(secretary)
    response = client.get(f"/portal/serier/{series.pk}/")
    assert response.status_code == 200
    assert "Serien har ingen offentliggjorte møder endnu." in response.content.decode()


def test_the_portal_pages_link_the_series_feeds(client, published):
    html = client.get(f"/portal/serier/{published.series_id}/").content.decode()
    assert (f'<link rel="alternate" type="text/calendar" '
            f'href="/serier/{published.series_id}/kalender.ics"') in html
    assert (f'<link rel="alternate" type="application/atom+xml" '
            f'href="/serier/{published.series_id}/referater.atom"') in html
    series_page = client.get(f"/serier/{published.series_id}/").content.decode()
    assert f'href="/serier/{published.series_id}/referater.atom"' in series_page


def test_the_portal_prints_with_a_print_stylesheet(client, published):
    html = client.get("/portal/").content.decode()
    assert re.search(r'href="[^"]*css/print[^"]*\.css" media="print"', html)


def test_the_portal_pages_take_a_fixed_number_of_queries(client, series, published,
                                                         django_assert_num_queries):
    for day in (dt.date(2024, 1, 8), dt.date(2024, 2, 5), dt.date(2023, 3, 6)):
        make_meeting(series, date=day, status=Meeting.Status.PUBLISHED)
    with django_assert_num_queries(1):  # the public series with their counts
        client.get("/portal/")
    # The series through its rule, its years, the year's meetings.
    with django_assert_num_queries(3):
        client.get(f"/portal/serier/{series.pk}/")


def test_a_cancelled_meeting_says_so_on_the_portal_and_its_page(client, published, secretary):
    from meetings.services import meeting_cancel

    meeting_cancel(meeting=published, by=secretary, reason="Afbud fra rådmanden")
    assert "Aflyst" in client.get(f"/portal/serier/{published.series_id}/").content.decode()
    assert "Aflyst" in client.get(published.get_absolute_url()).content.decode()


def test_the_admin_cancels_meetings_with_an_action(client, published):
    from tests.factories import make_user

    client.force_login(make_user("chef", is_staff=True, is_superuser=True))
    response = client.post("/admin/meetings/meeting/", {
        "action": "cancel", "_selected_action": [published.pk]}, follow=True)
    assert "er aflyst" in response.content.decode()
    published.refresh_from_db()
    assert published.is_cancelled and published.calendar_sequence == 1
    history = published.history.first()
    assert history.history_change_reason == "Aflyst"
