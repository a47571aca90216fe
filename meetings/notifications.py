"""E-mail to a series' people about its meetings, sent by the background worker."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from meetings.models import Meeting
from meetings.tasks import send_mails


def agenda_sent(*, meeting: Meeting, link: str) -> int:
    """Tell the series' members that the agenda is out, with a link to the meeting. One message
    per member, so that nobody sees the others' addresses. Returns how many were queued."""
    recipients = sorted({user.email for user in meeting.series.members.all() if user.email})
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"meeting": meeting, "link": link,
                   "items": list(meeting.items.order_by("position"))}
        subject = render_to_string("meetings/email/agenda_sent_subject.txt", context).strip()
        body = render_to_string("meetings/email/agenda_sent.txt", context)
    send_mails.enqueue(subject=subject, body=body, recipients=recipients)
    return len(recipients)
