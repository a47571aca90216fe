"""A series' page, a new meeting from its defaults, sending the agenda (with the members'
e-mail over a real SMTP server) and reopening."""

import datetime as dt
import socket
import time

import pytest
from django.test import override_settings
from django.utils import timezone

from agendas.models import AgendaItem
from meetings.models import Meeting, StandardItem
from tests.factories import make_meeting, make_series, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def raadmand(secretary, member):
    member.email = "mette@referat.example"
    member.save()
    return make_series(name="Rådmandsmøder 2022-2025", secretariat=[secretary], members=[member],
                       default_location="Rådmandens kontor, vær. 436", standard_items=[
                           ("Dagsorden", None, StandardItem.Placement.OPENING),
                           ("Referat", None, StandardItem.Placement.OPENING),
                           ("Bordrunde", 5, StandardItem.Placement.CLOSING)])


def test_the_series_page_lists_upcoming_and_past_meetings_as_the_reader_may_see_them(
        client, raadmand, member):
    today = timezone.localdate()
    make_meeting(raadmand, date=today + dt.timedelta(days=7), location="Kommende lokale")
    make_meeting(raadmand, date=today - dt.timedelta(days=7), status=Meeting.Status.PUBLISHED,
                 location="Tidligere lokale")
    public = client.get(f"/serier/{raadmand.pk}/").content.decode()
    assert "Tidligere lokale" in public and "Kommende lokale" not in public  # a draft
    assert "Ny mødeindkaldelse" not in public
    client.force_login(member)
    assert "Ny mødeindkaldelse" not in client.get(f"/serier/{raadmand.pk}/").content.decode()


def test_the_secretariat_creates_a_meeting_from_the_series_defaults(client, raadmand, secretary):
    client.force_login(secretary)
    page = client.get(f"/serier/{raadmand.pk}/").content.decode()
    assert f'href="/serier/{raadmand.pk}/nyt-moede/"' in page
    form = client.get(f"/serier/{raadmand.pk}/nyt-moede/").content.decode()
    assert 'value="11.00"' in form and 'value="Rådmandens kontor, vær. 436"' in form
    response = client.post(f"/serier/{raadmand.pk}/nyt-moede/", {
        "date": "04-09-2023", "start_time": "11.00", "end_time": "13.00",
        "location": "Rådmandens kontor, vær. 436", "title": ""})
    meeting = Meeting.objects.get(series=raadmand, date=dt.date(2023, 9, 4))
    assert response.status_code == 302
    assert response["Location"] == f"/moeder/{meeting.pk}/rediger/"
    assert [i.title for i in meeting.items.order_by("position")] == [
        "Dagsorden", "Referat", "Bordrunde"]


def test_a_second_meeting_in_the_same_slot_is_refused_with_the_reason(client, raadmand,
                                                                      secretary):
    make_meeting(raadmand, date=dt.date(2023, 9, 4), start_time=dt.time(11, 0))
    client.force_login(secretary)
    response = client.post(f"/serier/{raadmand.pk}/nyt-moede/", {
        "date": "04-09-2023", "start_time": "11.00", "end_time": "", "location": ""})
    assert response.status_code == 422
    assert "Serien har allerede et møde på denne dato og dette tidspunkt." in (
        response.content.decode())
    assert Meeting.objects.filter(series=raadmand).count() == 1


@pytest.mark.parametrize("who, status", [("member", 403), ("outsider", 404)])
def test_only_the_secretariat_creates_meetings(client, raadmand, request, who, status):
    make_meeting(raadmand, status=Meeting.Status.AGENDA_SENT)
    client.force_login(request.getfixturevalue(who))
    assert client.post(f"/serier/{raadmand.pk}/nyt-moede/", {
        "date": "04-09-2023", "start_time": "11.00"}).status_code == status
    assert Meeting.objects.filter(series=raadmand).count() == 1


def test_sending_freezes_numbers_records_who_and_mails_each_member(
        client, raadmand, secretary, mailoutbox, django_capture_on_commit_callbacks):
    meeting = make_meeting(raadmand)
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes once committed
        response = client.post(f"/moeder/{meeting.pk}/send/", follow=True)
    assert "Dagsordenen er sendt. 1 medlem får en e-mail" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_SENT and meeting.agenda_sent_by == secretary
    [mail] = mailoutbox
    assert mail.to == ["mette@referat.example"]
    assert mail.subject.startswith("Dagsorden: Rådmandsmøde")
    assert f"http://testserver/moeder/{meeting.pk}/" in mail.body
    assert "Punkt 3: Bordrunde" in mail.body and "Udsendt af Mads Sekretær" in mail.body


def test_an_empty_agenda_is_not_sent(client, raadmand, secretary, mailoutbox):
    meeting = make_meeting(raadmand)
    AgendaItem.objects.filter(meeting=meeting).delete()
    client.force_login(secretary)
    response = client.post(f"/moeder/{meeting.pk}/send/", follow=True)
    assert "En dagsorden uden punkter kan ikke sendes" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.DRAFT
    assert mailoutbox == []


def test_a_member_cannot_send_or_reopen(client, raadmand, member):
    meeting = make_meeting(raadmand, status=Meeting.Status.AGENDA_SENT)
    client.force_login(member)
    assert client.post(f"/moeder/{meeting.pk}/send/").status_code == 403
    assert client.post(f"/moeder/{meeting.pk}/genaabn/", {"reason": "x"}).status_code == 403
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.AGENDA_SENT


def test_reopening_needs_a_reason_and_shows_it_in_the_editor(client, raadmand, secretary):
    meeting = make_meeting(raadmand, status=Meeting.Status.AGENDA_SENT)
    client.force_login(secretary)
    refused = client.post(f"/moeder/{meeting.pk}/genaabn/", {"reason": ""}, follow=True)
    assert "Skriv, hvorfor mødet genåbnes" in refused.content.decode()
    page = client.post(f"/moeder/{meeting.pk}/genaabn/", {"reason": "Punkt 3 manglede"},
                       follow=True).content.decode()
    assert "Begrundelse: Punkt 3 manglede" in page
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.DRAFT


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on a free local port, keeping what it receives."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received = []

    class Keep(Message):
        def handle_message(self, message):
            received.append(message)

    controller = Controller(Keep(), hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller.port, received
    finally:
        controller.stop()


def test_the_agenda_mail_goes_out_over_smtp_one_message_per_member(
        client, raadmand, secretary, smtp_server, django_capture_on_commit_callbacks):
    port, received = smtp_server
    raadmand.members.add(make_user("anden", email="anden@referat.example"))
    meeting = make_meeting(raadmand)
    mailers = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                           "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5}}}
    client.force_login(secretary)
    # Over pytest-django's locmem outbox: this test wants the real server.
    with override_settings(MAILERS=mailers), django_capture_on_commit_callbacks(execute=True):
        client.post(f"/moeder/{meeting.pk}/send/")
        for _ in range(50):
            if len(received) == 2:
                break
            time.sleep(0.1)
    assert sorted(m["To"] for m in received) == ["anden@referat.example",
                                                 "mette@referat.example"]
    body = received[0].get_payload(decode=True).decode()
    assert f"/moeder/{meeting.pk}/" in body and "Dagsordenen til Rådmandsmøde" in body
