"""The admin is the fallback editor: an edit is recorded with who made it, a stale form never
overwrites someone else's edit, and a secretary sees only their own series."""

import pytest
from django.contrib.auth.models import Permission

from meetings.models import Meeting
from tests.factories import make_meeting, make_series

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_secretary(secretary):
    secretary.is_staff = True
    secretary.save()
    secretary.user_permissions.set(Permission.objects.filter(
        content_type__app_label__in=["meetings", "agendas", "decisions"]))
    return secretary


def change_form_data(meeting, **changes):
    data = {
        "series": meeting.series_id, "title": meeting.title,
        "date": meeting.date.isoformat(), "start_time": meeting.start_time.strftime("%H:%M"),
        "end_time": meeting.end_time.strftime("%H:%M") if meeting.end_time else "",
        "location": meeting.location, "information": meeting.information,
        "guests": meeting.guests, "expected_version": meeting.version,
        # The lifecycle inline (read-only) still sends its management form.
        "status_changes-TOTAL_FORMS": "0", "status_changes-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_an_admin_edit_writes_one_history_row_with_the_acting_user(client, staff_secretary,
                                                                   meeting):
    client.force_login(staff_secretary)
    before = meeting.history.count()
    response = client.post(f"/admin/meetings/meeting/{meeting.pk}/change/",
                           change_form_data(meeting, location="Rådhuset, lokale 398"))
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.location == "Rådhuset, lokale 398"
    assert meeting.history.count() == before + 1
    latest = meeting.history.first()
    assert latest.history_user == staff_secretary
    assert latest.location == "Rådhuset, lokale 398"


def test_a_stale_admin_form_is_refused_and_keeps_the_other_edit(client, staff_secretary, meeting):
    client.force_login(staff_secretary)
    stale = change_form_data(meeting, location="Mit lokale")
    first = client.post(f"/admin/meetings/meeting/{meeting.pk}/change/",
                        change_form_data(meeting, location="Dit lokale"))
    assert first.status_code == 302
    second = client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", stale)
    assert second.status_code == 200
    assert "Nogen har ændret dette, mens du redigerede" in second.content.decode()
    meeting.refresh_from_db()
    assert meeting.location == "Dit lokale"


def test_a_secretary_sees_only_the_meetings_of_their_own_series_in_the_admin(
        client, staff_secretary, meeting):
    other = make_meeting(make_series(name="Direktionen"))
    client.force_login(staff_secretary)
    listing = client.get("/admin/meetings/meeting/").content.decode()
    assert str(meeting.series.name) in listing
    assert "Direktionen" not in listing
    assert client.get(f"/admin/meetings/meeting/{other.pk}/change/").status_code in (302, 404)
    assert Meeting.objects.filter(pk=other.pk).exists()


def test_the_history_of_another_series_is_as_hidden_as_the_object(client, staff_secretary,
                                                                   meeting):
    other = make_meeting(make_series(name="Direktionen"), location="Direktionens lokale")
    version = other.history.first().history_id
    client.force_login(staff_secretary)
    assert client.get(f"/admin/meetings/meeting/{meeting.pk}/history/").status_code == 200
    for url in (f"/admin/meetings/meeting/{other.pk}/history/",
                f"/admin/meetings/meeting/{other.pk}/history/{version}/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Direktionens lokale" not in response.content.decode()


def test_the_decision_admin_offers_only_recommendation_points_of_the_users_own_series(
        client, staff_secretary, meeting):
    from decisions.models import Decision

    mine = meeting.items.first()
    mine.recommendations.create(number=1, text="at rådmanden godkender klimaplanen")
    secret = make_meeting(make_series(name="Direktionen"), items=["Personalesag"]).items.get()
    secret.recommendations.create(number=1, text="at medarbejderen afskediges")
    decision = Decision.objects.create(item=mine)
    client.force_login(staff_secretary)
    page = client.get(f"/admin/decisions/decision/{decision.pk}/change/").content.decode()
    assert "at rådmanden godkender klimaplanen" in page
    assert "at medarbejderen afskediges" not in page


def test_an_admin_edit_shows_on_the_kept_meeting_page_at_once(client, staff_secretary, member,
                                                              meeting):
    from django.test import Client

    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.AGENDA_SENT)
    meeting.refresh_from_db()
    reader = Client()
    reader.force_login(member)
    assert "Rådhuset, lokale 398" not in reader.get(meeting.get_absolute_url()).content.decode()
    client.force_login(staff_secretary)
    response = client.post(f"/admin/meetings/meeting/{meeting.pk}/change/",
                           change_form_data(meeting, location="Rådhuset, lokale 398"))
    assert response.status_code == 302
    assert "Rådhuset, lokale 398" in reader.get(meeting.get_absolute_url()).content.decode()
