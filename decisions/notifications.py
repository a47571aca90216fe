"""E-mail about the minutes, sent by the background worker: the series' members when they are
approved and when they are published, and each follow-up's owner (a person) with what is
asked of them. One message per recipient, so that nobody sees the others' addresses."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from decisions.models import FollowUp
from meetings.models import Meeting
from meetings.tasks import send_mails


@dataclass(frozen=True)
class Links:
    """Absolute addresses for the messages: the meeting page and "Mine opfølgninger"."""

    meeting: str
    follow_ups: str


def _members(meeting: Meeting) -> list[str]:
    return sorted({user.email for user in meeting.series.members.all() if user.email})


def _send(template: str, context: dict, recipients: list[str]) -> int:
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"decisions/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"decisions/email/{template}.txt", context)
    send_mails.enqueue(subject=subject, body=body, recipients=recipients)
    return len(recipients)


def minutes_approved(*, meeting: Meeting, links: Links) -> int:
    """Tell the members that the minutes are approved, and each owner of a follow-up what
    they follow up on. Returns how many messages were queued."""
    meeting = Meeting.objects.select_related("series", "minutes_approved_in",
                                             "minutes_approved_by").get(pk=meeting.pk)
    follow_ups = list(FollowUp.objects.filter(decision__item__meeting=meeting)
                      .select_related("owner_user", "decision__item")
                      .order_by("decision__item__position", "pk"))
    sent = _send("minutes_approved", {"meeting": meeting, "links": links,
                                      "follow_ups": follow_ups}, _members(meeting))
    owners: dict = {}
    for follow_up in follow_ups:
        if follow_up.owner_user_id and follow_up.owner_user.email:
            owners.setdefault(follow_up.owner_user, []).append(follow_up)
    for owner, theirs in owners.items():
        sent += _send("follow_ups_assigned", {"meeting": meeting, "links": links,
                                              "owner": owner, "follow_ups": theirs},
                      [owner.email])
    return sent


def minutes_published(*, meeting: Meeting, links: Links) -> int:
    meeting = Meeting.objects.select_related("series").get(pk=meeting.pk)
    return _send("minutes_published", {"meeting": meeting, "links": links}, _members(meeting))
