"""What the minute taker's screen shows, read in a constant number of queries: the meeting's
items in the order of treatment, each with its memo and recommendation points (and the draft
of the decision point answering each), its decision, follow-ups, who was away and the
follow-ups its text suggests; the members, the attendance and the series' phrases."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from agendas.models import AgendaItem, Attachment, MemoSection, RecommendationPoint
from common.richtext import html_to_text
from decisions.models import Attendance, Decision, DecisionPoint, FollowUp, ItemAttendance
from decisions.services import (
    is_minutes_item,
    next_meeting,
    phrases_for,
    previous_meeting,
)
from decisions.wording import FollowUpSuggestion, decision_draft, follow_up_suggestions
from meetings.models import Meeting


@dataclass
class Draft:
    recommendation: RecommendationPoint
    text: str
    answered: bool  # a point of the decision answers it already


@dataclass
class Suggestion:
    owner: str
    description: str
    user: object | None  # a person of the series whose name the text gives


@dataclass
class MinutesEntry:
    item: AgendaItem
    decision: Decision | None
    points: list[DecisionPoint]
    drafts: list[Draft]
    memo_sections: list[MemoSection]
    attachments: list[Attachment]
    follow_ups: list[FollowUp]
    suggestions: list[Suggestion]
    absences: dict[int, ItemAttendance]
    is_minutes_item: bool
    previous: Meeting | None = None  # for "Punkt 2: Referat": the minutes it approves

    @property
    def decision_version(self) -> int:
        return self.decision.version if self.decision else 0

    @property
    def numbered(self) -> bool:
        return bool(self.decision) and self.decision.numbering == Decision.Numbering.NUMBERED

    @property
    def not_treated(self) -> bool:
        return any(p.outcome == DecisionPoint.Outcome.IKKE_BEHANDLET for p in self.points)


@dataclass
class MinutesScreen:
    meeting: Meeting
    entries: list[MinutesEntry]
    members: list
    people: list  # members and secretariat: who can own a follow-up or take the minutes
    attendance: dict[int, Attendance]
    phrases: list[tuple[str, str]]
    next_meeting: Meeting | None
    extra: dict = field(default_factory=dict)


def people_of(meeting: Meeting) -> list:
    User = get_user_model()
    series = meeting.series
    return list(User.objects.filter(Q(member_of_series=series) | Q(secretariat_of_series=series))
                .distinct().order_by("first_name", "last_name", "username"))


def minutes_screen(meeting: Meeting, *, item_ids: list[int] | None = None) -> MinutesScreen:
    """The whole screen, or (`item_ids`) only those items for a fragment."""
    items = AgendaItem.objects.filter(meeting=meeting).select_related("memo_template")
    if item_ids is not None:
        items = items.filter(pk__in=item_ids)
    items = list(items.order_by("position").prefetch_related(
        "sub_items",  # an item's time is its sub-items' when it has none of its own
        Prefetch("recommendations", queryset=RecommendationPoint.objects.order_by("number")),
        Prefetch("memo_sections", queryset=MemoSection.objects.order_by("position")),
        Prefetch("attachments", queryset=Attachment.objects.defer("text").order_by("position")),
        Prefetch("attendance", queryset=ItemAttendance.objects.select_related("user")),
    ))
    decisions = {d.item_id: d for d in Decision.objects.filter(item__in=items)
                 .select_related("moved_to__meeting").prefetch_related(
                     Prefetch("points", queryset=DecisionPoint.objects.order_by("number")
                              .prefetch_related("answers")),
                     Prefetch("follow_ups", queryset=FollowUp.objects.select_related(
                         "owner_user").order_by("opened_on", "pk")))}
    people = people_of(meeting)
    previous = previous_meeting(meeting) if any(is_minutes_item(i) for i in items) else None
    entries = [_entry(item, decisions.get(item.pk), people, previous) for item in items]
    member_ids = set(meeting.series.members.values_list("pk", flat=True))
    members = [p for p in people if p.pk in member_ids]
    return MinutesScreen(
        meeting=meeting, entries=entries, members=members, people=people,
        attendance={a.user_id: a for a in Attendance.objects.filter(meeting=meeting)},
        phrases=phrases_for(meeting.series), next_meeting=next_meeting(meeting))


def _entry(item: AgendaItem, decision: Decision | None, people: list,
           previous: Meeting | None) -> MinutesEntry:
    points = list(decision.points.all()) if decision else []
    follow_ups = list(decision.follow_ups.all()) if decision else []
    answered = {r.pk for p in points for r in p.answers.all()}
    drafts = [Draft(r, decision_draft(r.text), r.pk in answered)
              for r in item.recommendations.all()]
    minutes_item = is_minutes_item(item)
    return MinutesEntry(
        item=item, decision=decision, points=points, drafts=drafts,
        memo_sections=list(item.memo_sections.all()), attachments=list(item.attachments.all()),
        follow_ups=follow_ups,
        suggestions=suggestions(decision, points, follow_ups, people),
        absences={a.user_id: a for a in item.attendance.all()},
        is_minutes_item=minutes_item, previous=previous if minutes_item else None)


def suggestions(decision, points, follow_ups, people) -> list[Suggestion]:
    """"X følger op" in the decision's points or discussion, for owners the decision has no
    follow-up for yet. A person of the series whose full name the text gives is offered as
    the owner, else the name as written (a unit such as FAS)."""
    if decision is None:
        return []
    text = "\n".join([p.text for p in points] + [html_to_text(decision.text)])
    owners = {f.owner.lower() for f in follow_ups}
    found: list[FollowUpSuggestion] = follow_up_suggestions(text)
    result = []
    for suggestion in found:
        user = next((p for p in people if p.get_full_name()
                     and p.get_full_name().lower() in suggestion.owner.lower()), None)
        name = (user.get_full_name() if user else suggestion.owner).lower()
        if name in owners or suggestion.owner.lower() in owners:
            continue
        result.append(Suggestion(suggestion.owner, suggestion.description, user))
    return result
