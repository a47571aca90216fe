"""Multi-step changes to agendas. Each function is one transaction and validates before it saves."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from agendas.models import AgendaItem, MemoSection, RecommendationPoint
from meetings.models import Meeting, MeetingSeries, StandardItem

# Positions are first moved out of the way by this much, so that no two rows share a
# position at any moment of a reorder (the unique constraint is checked row by row).
_REORDER_OFFSET = 10_000


def meeting_create(*, series: MeetingSeries, **fields) -> Meeting:
    """Create a meeting with the series' defaults and its standard items, opening ones first
    and closing ones last."""
    fields.setdefault("location", series.default_location)
    if series.default_start_time and "start_time" not in fields:
        fields["start_time"] = series.default_start_time
    if series.default_end_time and "end_time" not in fields:
        fields["end_time"] = series.default_end_time
    with transaction.atomic():
        meeting = Meeting(series=series, **fields)
        meeting.full_clean()
        meeting.save()
        standard = list(series.standard_items.all())
        opening = [s for s in standard if s.placement == StandardItem.Placement.OPENING]
        closing = [s for s in standard if s.placement == StandardItem.Placement.CLOSING]
        for standard_item in opening + closing:
            agenda_item_create(meeting=meeting, title=standard_item.title,
                               minutes=standard_item.minutes)
    return meeting


def agenda_item_create(*, meeting: Meeting, before_closing: bool = False, **fields) -> AgendaItem:
    """Add an item at the end of the agenda (or, with `before_closing`, before the series'
    closing standard items). Before the agenda is sent its number follows its place; after
    it, the new item gets the next free number so that no sent number changes."""
    with transaction.atomic():
        items = list(AgendaItem.objects.select_for_update().filter(meeting=meeting)
                     .order_by("position"))
        position = len(items) + 1
        if before_closing:
            closing_titles = set(meeting.series.standard_items.filter(
                placement=StandardItem.Placement.CLOSING).values_list("title", flat=True))
            tail = 0
            for existing in reversed(items):
                if existing.title not in closing_titles:
                    break
                tail += 1
            position -= tail
        if meeting.numbers_frozen:
            number = (max((i.number for i in items), default=0)) + 1
        else:
            number = position
        item = AgendaItem(meeting=meeting, number=number, position=position, **fields)
        item.full_clean(exclude=["number", "position"])
        shifted = [i for i in items if i.position >= position]
        if shifted:
            _move(shifted, meeting=meeting, renumber=not meeting.numbers_frozen, start=position + 1)
        item.save()
        if item.memo_template_id:
            memo_sections_from_template(item=item)
    return item


def agenda_items_reorder(*, meeting: Meeting, ordered_ids: list[int]) -> list[AgendaItem]:
    """Put the meeting's items in the order of `ordered_ids` (every item exactly once).

    Before the agenda is sent, numbers follow the new order; after it, they stay and only
    the order of treatment changes (Punkt 7 may be treated before Punkt 6).
    """
    with transaction.atomic():
        items = {i.pk: i for i in AgendaItem.objects.select_for_update().filter(meeting=meeting)}
        if sorted(ordered_ids) != sorted(items) or len(set(ordered_ids)) != len(ordered_ids):
            raise ValidationError(_("Rækkefølgen skal indeholde hvert af mødets punkter præcis "
                                    "én gang. Genindlæs siden, og prøv igen."))
        _move([items[pk] for pk in ordered_ids], meeting=meeting,
              renumber=not meeting.numbers_frozen, start=1)
    return list(meeting.items.order_by("position"))


def agenda_item_delete(*, item: AgendaItem) -> None:
    """Remove an item. Before sending, the items after it close the gap in number and place;
    after sending, only their places move, and its number is not reused."""
    meeting = item.meeting
    with transaction.atomic():
        item.delete()
        rest = list(AgendaItem.objects.select_for_update().filter(meeting=meeting)
                    .order_by("position"))
        _move(rest, meeting=meeting, renumber=not meeting.numbers_frozen, start=1)


def _move(items: list[AgendaItem], *, meeting: Meeting, renumber: bool, start: int) -> None:
    """Give `items` consecutive positions from `start` (and numbers too, when `renumber`),
    writing one history row per changed item."""
    changed = []
    for offset, item in enumerate(items):
        position = start + offset
        if item.position != position or (renumber and item.number != position):
            item.position = position
            if renumber:
                item.number = position
            item.version += 1
            changed.append(item)
    if not changed:
        return
    fields = ["position", "number", "version"] if renumber else ["position", "version"]
    pks = [i.pk for i in changed]
    # Step aside first, then land: no moment where two rows share a number or place.
    step_aside = {"position": F("position") + _REORDER_OFFSET}
    if renumber:
        step_aside["number"] = F("number") + _REORDER_OFFSET
    AgendaItem.objects.filter(pk__in=pks).update(**step_aside)
    bulk_update_with_history(changed, AgendaItem, fields, batch_size=500)


def memo_sections_from_template(*, item: AgendaItem) -> list[MemoSection]:
    """Give an item the sections of its memo template that it does not have yet."""
    template = item.memo_template
    existing = set(item.memo_sections.values_list("title", flat=True))
    start = (item.memo_sections.aggregate(m=Max("position"))["m"] or 0) + 1
    created = []
    for offset, section in enumerate(s for s in template.sections if s["title"] not in existing):
        created.append(MemoSection.objects.create(item=item, position=start + offset,
                                                  title=section["title"], kind=section["kind"]))
    return created


def recommendation_points_set(*, item: AgendaItem, texts: list[str]) -> list[RecommendationPoint]:
    """Replace the item's recommendation points by `texts`, numbered 1, 2, 3 …"""
    with transaction.atomic():
        item.recommendations.all().delete()
        return [RecommendationPoint.objects.create(item=item, number=n, text=text)
                for n, text in enumerate(texts, start=1)]
