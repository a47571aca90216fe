"""What a reader sees of a meeting, assembled once for every channel (page, PDF, pack).

Everything here starts from the models' visibility rules, for the viewing user or, for the
public version, for an anonymous one: a closed item that the viewer may not read comes out as
its number and title only, and closed attachments do not come out at all.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import BooleanField, Case, Prefetch, Value, When, prefetch_related_objects

from agendas.models import (
    AgendaItem,
    Attachment,
    Comment,
    MemoSection,
    Note,
    RecommendationPoint,
    SubItem,
)
from agendas.timeplan import Slot, time_plan
from decisions.models import Attendance, Decision, DecisionPoint, FollowUp, ItemAttendance
from meetings.models import Meeting
from meetings.viewer import ANONYMOUS, Viewer, as_viewer


@dataclass
class SubItemView:
    sub: SubItem
    slot: Slot | None


@dataclass
class ItemView:
    item: AgendaItem
    content_visible: bool
    slot: Slot | None = None
    sub_items: list[SubItemView] = field(default_factory=list)
    recommendations: list[RecommendationPoint] = field(default_factory=list)
    memo_sections: list[MemoSection] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    decision: Decision | None = None
    notes: list[Note] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    absences: list[ItemAttendance] = field(default_factory=list)  # away during it, "Inhabil"

    @property
    def number(self):
        return self.item.number

    @property
    def title(self):
        return self.item.title

    @property
    def memo_layout(self) -> str:
        """"A" or "B": the memo template's layout (A for an item without a memo)."""
        template = self.item.memo_template
        return template.layout if template else "A"

    @cached_property
    def memo(self) -> list["MemoSectionView"]:
        """The memo's sections as every channel shows them (see memo_section_views)."""
        return memo_section_views(self.memo_sections, self.memo_layout)


@dataclass
class MeetingContent:
    meeting: Meeting
    items: list[ItemView]
    public: bool
    with_annotations: bool
    attendance: list[Attendance] = field(default_factory=list)  # members present, "Afbud"

    @property
    def readable_items(self):
        return [i for i in self.items if i.content_visible]


def audience(viewer: Viewer, series_id: int) -> str:
    """The class of viewers who read the same of a meeting of `series_id` as `viewer` (a
    resolved viewer): its secretariat, its members, people of other series, the public."""
    if viewer.edits(series_id):
        return "secretariat"
    if viewer.belongs(series_id):
        return "member"
    return "outsider" if viewer.is_authenticated else "anonymous"


def meeting_content(*, meeting: Meeting, user, public: bool = False,
                    with_annotations: bool = False) -> MeetingContent:
    """The meeting as `user` (a user or a Viewer) may read it (or as anyone may, when
    `public`), items in the order of treatment. `with_annotations` adds the user's own notes
    and the shared comments."""
    user = as_viewer(user)
    viewer = ANONYMOUS if public else user
    decisions = (
        Decision.objects.visible_to(viewer)
        .prefetch_related(
            Prefetch("points", queryset=DecisionPoint.objects.with_answered_numbers()),
            Prefetch("follow_ups", queryset=FollowUp.objects.select_related("owner_user")),
        )
    )
    # Prefetched for the readable items only, which is what restricts the sub-items, points
    # and sections (the item rule is applied once, by listed_for); attachments, decisions,
    # notes and comments have rules of their own on top.
    prefetches = [
        Prefetch("sub_items", queryset=SubItem.objects.all()),
        Prefetch("recommendations", queryset=RecommendationPoint.objects.all()),
        Prefetch("memo_sections", queryset=MemoSection.objects.all()),
        # The attachments' extracted text is for search; no document prints it.
        Prefetch("attachments", queryset=Attachment.objects.visible_to(viewer).defer("text")),
        Prefetch("decision", queryset=decisions),
        Prefetch("attendance", queryset=ItemAttendance.objects.visible_to(viewer)
                 .select_related("user"), to_attr="absences"),
    ]
    if with_annotations and not public:
        prefetches += [
            Prefetch("notes", queryset=Note.objects.visible_to(user)),
            Prefetch("comments", queryset=Comment.objects.visible_to(user)
                     .select_related("author")),
        ]
    items = list(
        AgendaItem.objects.listed_for(viewer)
        .filter(meeting=meeting)
        .select_related("memo_template")
        .order_by("position")
    )
    for item in items:
        item.meeting = meeting  # "Ændret efter udsendelse" compares with its sending
    prefetch_related_objects([i for i in items if i.content_visible], *prefetches)
    # Items listed by title only ("Lukket punkt") show nothing, and their sub-items do not
    # take time in the viewer's time plan.
    prefetch_related_objects([i for i in items if not i.content_visible],
                             Prefetch("sub_items", queryset=SubItem.objects.none()))
    slots = time_plan(meeting.start_time, items)
    views = []
    for item in items:
        if not item.content_visible:
            views.append(ItemView(item=item, content_visible=False))
            continue
        views.append(ItemView(
            item=item,
            content_visible=True,
            slot=slots.get(("item", item.pk)),
            sub_items=[SubItemView(s, slots.get(("sub", s.pk))) for s in item.sub_items.all()],
            recommendations=list(item.recommendations.all()),
            memo_sections=list(item.memo_sections.all()),
            attachments=list(item.attachments.all()),
            decision=item.decision if _has_decision(item) else None,
            notes=list(item.notes.all()) if with_annotations and not public else [],
            comments=list(item.comments.all()) if with_annotations and not public else [],
            absences=item.absences,
        ))
    attendance = list(Attendance.objects.visible_to(viewer).filter(meeting=meeting)
                      .select_related("user"))
    return MeetingContent(meeting=meeting, items=views, public=public,
                          with_annotations=with_annotations and not public,
                          attendance=attendance)


def readable_meetings(who):
    """The meetings `who` may see, each knowing whether the decisions' rule releases its
    decisions to `who` and to the public (`decisions_released`, `decisions_public`), so that
    `minutes_available` asks nothing more."""
    viewer = as_viewer(who)
    return Meeting.objects.visible_to(viewer).annotate(
        decisions_released=_holds(Decision.objects.released_q(viewer)),
        decisions_public=_holds(Decision.objects.released_q(ANONYMOUS)))


def _holds(q) -> Case:
    return Case(When(q, then=Value(True)), default=Value(False), output_field=BooleanField()) \
        if q else Value(True, output_field=BooleanField())


def minutes_available(meeting: Meeting, user, *, public: bool = False) -> bool:
    """Whether the viewer (who reads `meeting`) may read its minutes: once minute taking has
    begun, when the decisions' own rule releases the meeting's decisions to them. The public
    version exists for a published meeting only. A meeting from `readable_meetings(user)`
    (for this viewer, or one who reads the same of it) knows the answer; any other asks."""
    if not meeting.has_minutes or (public and not meeting.is_public):
        return False
    known = getattr(meeting, "decisions_public" if public else "decisions_released", None)
    if known is not None:
        return known
    viewer = ANONYMOUS if public else as_viewer(user)
    return Meeting.objects.filter(Decision.objects.released_q(viewer), pk=meeting.pk).exists()


def _has_decision(item: AgendaItem) -> bool:
    try:
        item.decision  # noqa: B018 - reads the prefetched reverse one-to-one
    except Decision.DoesNotExist:
        return False
    return True


# What a memo shows, computed once here for the page and every PDF.

@dataclass(frozen=True)
class MemoSectionView:
    heading: str
    kind: str
    body: str


def memo_section_views(sections: list[MemoSection], layout: str) -> list[MemoSectionView]:
    """Template B numbers its sections ("1. Resume" … "8. Hvad er den videre proces …") up to
    the list of Bilag; what follows it ("Tidligere beslutninger") is not numbered. Titles
    that carry their own numbers are left as they are."""
    number = layout == "B" and not any(re.match(r"\s*\d+\.", s.title) for s in sections)
    views, counter = [], 0
    for section in sections:
        if section.kind == "attachments":
            number = False
        heading = section.title
        if number:
            counter += 1
            heading = f"{counter}. {heading}"
        views.append(MemoSectionView(heading=heading, kind=section.kind, body=section.body))
    return views
