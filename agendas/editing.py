"""What the meeting editor shows: every item with its parts and its slot in the time plan,
read in a constant number of queries whatever the meeting's size."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch

from agendas.memo import memo_readability
from agendas.models import (
    AgendaItem,
    Attachment,
    AttachmentConversion,
    MemoSection,
    RecommendationPoint,
    SubItem,
)
from agendas.timeplan import Slot, time_plan
from meetings.models import Meeting


@dataclass
class EditorItem:
    item: AgendaItem
    slot: Slot | None
    sub_items: list[tuple[SubItem, Slot | None]] = field(default_factory=list)
    recommendations: list[RecommendationPoint] = field(default_factory=list)
    memo_sections: list[MemoSection] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    # Office files on their way to PDF, and those that failed (with the reason).
    conversions: list[AttachmentConversion] = field(default_factory=list)

    @property
    def waiting_ids(self) -> str:
        """The conversions under way, as the editor polls for them ("12,13")."""
        return ",".join(str(c.pk) for c in self.conversions if c.under_way)

    @property
    def lix(self) -> int | None:
        return memo_readability(sections=self.memo_sections,
                                recommendations=[p.text for p in self.recommendations])


@dataclass(frozen=True)
class PlanSummary:
    """The time plan against the meeting's hours: "70 min af 120 min", over by 15 min."""

    start: dt.time
    end: dt.time | None
    planned_minutes: int
    planned_end: dt.time

    @property
    def available_minutes(self) -> int | None:
        if self.end is None:
            return None
        return _minutes_between(self.start, self.end)

    @property
    def over_by(self) -> int:
        available = self.available_minutes
        return max(0, self.planned_minutes - available) if available is not None else 0


def _minutes_between(start: dt.time, end: dt.time) -> int:
    day = dt.date(2000, 1, 1)
    return int((dt.datetime.combine(day, end) - dt.datetime.combine(day, start)).seconds // 60)


def editor_items(meeting: Meeting, *, only: list[int] | None = None) -> list[EditorItem]:
    """The meeting's items in the order of treatment, each with its sub-items, memo,
    recommendation points, Bilag and slot (`only`: just these items, slots still computed
    over the whole meeting)."""
    items = list(
        AgendaItem.objects.filter(meeting=meeting).select_related("memo_template")
        .order_by("position").prefetch_related(
            Prefetch("sub_items", queryset=SubItem.objects.order_by("position")),
            Prefetch("recommendations", queryset=RecommendationPoint.objects.order_by("number")),
            Prefetch("memo_sections", queryset=MemoSection.objects.order_by("position")),
            # The extracted text is for search; the editor shows pages and size.
            Prefetch("attachments", queryset=Attachment.objects.defer("text")
                     .order_by("position")),
            Prefetch("conversions", queryset=AttachmentConversion.objects.unfinished()
                     .order_by("created_at", "pk"))))
    for item in items:
        item.meeting = meeting
    slots = time_plan(meeting.start_time, items)
    return [
        EditorItem(
            item=item, slot=slots.get(("item", item.pk)),
            sub_items=[(sub, slots.get(("sub", sub.pk))) for sub in item.sub_items.all()],
            recommendations=list(item.recommendations.all()),
            memo_sections=list(item.memo_sections.all()),
            attachments=list(item.attachments.all()),
            conversions=list(item.conversions.all()))
        for item in items if only is None or item.pk in only]


def plan_summary(meeting: Meeting, entries: list[EditorItem]) -> PlanSummary:
    minutes = 0
    for entry in entries:
        if entry.slot:
            minutes += entry.slot.minutes
        minutes += sum(slot.minutes for _sub, slot in entry.sub_items if slot)
    end = dt.datetime.combine(dt.date(2000, 1, 1), meeting.start_time) + dt.timedelta(
        minutes=minutes)
    return PlanSummary(start=meeting.start_time, end=meeting.end_time, planned_minutes=minutes,
                       planned_end=end.time())
