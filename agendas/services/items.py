"""A meeting's items: create, change, duplicate, delete (and undo), order and sub-items.

Each function is one transaction that first passes `meeting_for_edit` (the meeting row locked,
approved minutes refused) and validates before it saves. Numbers follow the order until the
agenda is sent; after it, they stay and only the order of treatment changes.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from agendas.models import (
    AgendaItem,
    Attachment,
    Comment,
    MemoSection,
    Note,
    RecommendationPoint,
    SubItem,
)
from common.models import save_versioned
from common.ordering import moved
from meetings.models import Meeting, MeetingSeries, StandardItem
from meetings.services import meeting_for_edit

# Positions are first moved out of the way by this much, so that no two rows share a
# position at any moment of a reorder (the unique constraint is checked row by row).
_REORDER_OFFSET = 10_000

# What an item's own form edits (its memo has a form of its own, agendas.services.memos).
ITEM_FIELDS = ["title", "minutes", "is_closed", "responsible", "method", "method_oral", "guests",
               "text", "case_number"]
# The memo's own fields (its sections and points are rows of their own).
MEMO_HEADER_FIELDS = ["memo_template", "memo_title", "sending_unit", "memo_date", "case_officer",
                      "case_officer_phone", "case_officer_email"]
SUB_ITEM_FIELDS = ["title", "text", "method", "method_oral", "responsible", "minutes"]
# The rows that belong to an item and come back with it when its deletion is undone.
ITEM_PARTS = [SubItem, MemoSection, RecommendationPoint, Attachment, Note, Comment]


def meeting_create(*, series: MeetingSeries, **fields) -> Meeting:
    """Create a meeting with the series' defaults and its standard items, opening ones first
    and closing ones last."""
    fields.setdefault("location", series.default_location)
    if series.default_start_time and not fields.get("start_time"):
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


def mark_changed(item: AgendaItem, when=None) -> None:
    """Note that something the item shows changed now (after sending: "Ændret efter
    udsendelse"). Not an edit of the item's own fields, so its version stays."""
    item.changed_at = when or timezone.now()
    AgendaItem.objects.filter(pk=item.pk).update(changed_at=item.changed_at)


def _closing_tail(meeting: Meeting, items: list[AgendaItem]) -> int:
    """How many of the last items are the series' closing standard items (Bordrunde …)."""
    closing_titles = set(meeting.series.standard_items.filter(
        placement=StandardItem.Placement.CLOSING).values_list("title", flat=True))
    tail = 0
    for existing in reversed(items):
        if existing.title not in closing_titles:
            break
        tail += 1
    return tail


def agenda_item_create(*, meeting: Meeting, before_closing: bool = False,
                       after: AgendaItem | None = None, template_sections: bool = True,
                       **fields) -> AgendaItem:
    """Add an item at the end of the agenda, right after `after`, or (`before_closing`) before
    the series' closing standard items. Before the agenda is sent its number follows its
    place; after it, the new item gets the next free number so that no sent number changes."""
    from agendas.services.memos import memo_sections_from_template  # memos imports this module

    with transaction.atomic():
        meeting = meeting_for_edit(meeting.pk)
        items = list(AgendaItem.objects.select_for_update().filter(meeting=meeting)
                     .order_by("position"))
        position = len(items) + 1
        if after is not None:
            position = next(i.position for i in items if i.pk == after.pk) + 1
        elif before_closing:
            position -= _closing_tail(meeting, items)
        if meeting.numbers_frozen:
            number = (max((i.number for i in items), default=0)) + 1
        else:
            number = position
        item = AgendaItem(meeting=meeting, number=number, position=position,
                          changed_at=timezone.now(), **fields)
        item.full_clean(exclude=["number", "position"])
        shifted = [i for i in items if i.position >= position]
        if shifted:
            _move(shifted, meeting=meeting, renumber=not meeting.numbers_frozen, start=position + 1)
        item.save()
        if item.memo_template_id and template_sections:
            memo_sections_from_template(item=item)
    return item


def agenda_item_update(*, item: AgendaItem, expected_version: int | None,
                       fields: dict) -> AgendaItem:
    """Change the item's own fields (ITEM_FIELDS); a stale version is an EditConflict."""
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValueError(f"not an item field of the item form: {sorted(unknown)}")
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        save_versioned(item, expected_version=expected_version, fields=fields,
                       on_change={"changed_at": timezone.now()})
    return item


def agenda_item_duplicate(*, item: AgendaItem) -> AgendaItem:
    """A copy of the item right after it, with its sub-items, memo, recommendation points and
    Bilag (the files are shared, not copied). Notes, comments and decisions stay behind."""
    with transaction.atomic():
        title = (_("%(title)s (kopi)") % {"title": item.title})[:300]
        copy = agenda_item_create(
            meeting=item.meeting, after=item, title=title, template_sections=False,
            **{name: getattr(item, name) for name in (*ITEM_FIELDS, *MEMO_HEADER_FIELDS)
               if name != "title"})
        _copy_parts(item, copy)
    return copy


def agenda_item_copy(*, item: AgendaItem, meeting: Meeting) -> AgendaItem:
    """The item, with its sub-items, memo, recommendation points and Bilag, put on another
    meeting's agenda before its closing standard items (an item not treated comes back on the
    series' next meeting). Notes, comments and decisions stay behind."""
    with transaction.atomic():
        copy = agenda_item_create(
            meeting=meeting, before_closing=True, template_sections=False,
            **{name: getattr(item, name) for name in (*ITEM_FIELDS, *MEMO_HEADER_FIELDS)})
        _copy_parts(item, copy)
    return copy


def _copy_parts(item: AgendaItem, copy: AgendaItem) -> None:
    for model in (SubItem, MemoSection, RecommendationPoint, Attachment):
        for part in model.objects.filter(item=item):
            part.pk = None
            part.item = copy
            part.version = 1
            part._state.adding = True
            part.save()


def agenda_item_delete(*, item: AgendaItem) -> None:
    """Remove an item with its parts (undo: `agenda_item_restore`). Before sending, the items
    after it close the gap in number and place; after sending, only their places move, and its
    number is not reused. An item with a decision in the minutes is not deleted."""
    with transaction.atomic():
        meeting = meeting_for_edit(item.meeting_id)
        if AgendaItem.objects.filter(pk=item.pk, decision__isnull=False).exists():
            raise ValidationError(_("%(item)s har en beslutning i referatet og kan ikke slettes. "
                                    "Fjern beslutningen først.") % {"item": item}, code="decided")
        # One moment for the item and its parts, so that an undo finds exactly these rows.
        when = timezone.now()
        for model in ITEM_PARTS:
            for part in model.objects.filter(item=item):
                part._history_date = when
                part.delete()
        item._history_date = when
        item.delete()
        rest = list(AgendaItem.objects.select_for_update().filter(meeting=meeting)
                    .order_by("position"))
        _move(rest, meeting=meeting, renumber=not meeting.numbers_frozen, start=1)


def agenda_item_restore(*, meeting: Meeting, item_id: int) -> AgendaItem:
    """Undo a deletion: the item and its parts come back from the history, at their old place
    (and, while the numbers are free, their old number)."""
    with transaction.atomic():
        meeting = meeting_for_edit(meeting.pk)
        deleted = (AgendaItem.history.filter(id=item_id, meeting_id=meeting.pk, history_type="-")
                   .order_by("-history_date").first())
        if deleted is None or AgendaItem.objects.filter(pk=item_id).exists():
            raise ValidationError(_("Punktet kan ikke gendannes: det er ikke slettet fra dette "
                                    "møde."), code="not_deleted")
        items = list(AgendaItem.objects.select_for_update().filter(meeting=meeting)
                     .order_by("position"))
        item = deleted.instance
        item.position = min(item.position, len(items) + 1)
        numbers = {i.number for i in items}
        if not meeting.numbers_frozen:
            item.number = item.position
        elif item.number in numbers:
            item.number = max(numbers) + 1
        _move([i for i in items if i.position >= item.position], meeting=meeting,
              renumber=not meeting.numbers_frozen, start=item.position + 1)
        item.changed_at = timezone.now()
        item._change_reason = _("Sletning fortrudt")
        item.save(force_insert=True)
        for model in ITEM_PARTS:
            for record in model.history.filter(item_id=item_id, history_type="-",
                                               history_date=deleted.history_date):
                part = record.instance
                part._change_reason = _("Sletning fortrudt")
                part.save(force_insert=True)
    return item


def agenda_items_reorder(*, meeting: Meeting, ordered_ids: list[int]) -> list[AgendaItem]:
    """Put the meeting's items in the order of `ordered_ids` (every item exactly once).

    Before the agenda is sent, numbers follow the new order; after it, they stay and only
    the order of treatment changes (Punkt 7 may be treated before Punkt 6).
    """
    with transaction.atomic():
        meeting = meeting_for_edit(meeting.pk)
        items = {i.pk: i for i in AgendaItem.objects.select_for_update().filter(meeting=meeting)}
        if sorted(ordered_ids) != sorted(items) or len(set(ordered_ids)) != len(ordered_ids):
            raise ValidationError(_("Rækkefølgen skal indeholde hvert af mødets punkter præcis "
                                    "én gang. Genindlæs siden, og prøv igen."), code="stale_order")
        _move([items[pk] for pk in ordered_ids], meeting=meeting,
              renumber=not meeting.numbers_frozen, start=1)
    return list(meeting.items.order_by("position"))


def agenda_item_move(*, item: AgendaItem, by: int) -> list[AgendaItem]:
    """Move the item `by` places (-1: one up, 1: one down), within the agenda's bounds."""
    ids = list(AgendaItem.objects.filter(meeting_id=item.meeting_id).order_by("position")
               .values_list("pk", flat=True))
    return agenda_items_reorder(meeting=item.meeting, ordered_ids=moved(ids, ids.index(item.pk),
                                                                        by))


def _move(items: list[AgendaItem], *, meeting: Meeting, renumber: bool, start: int) -> None:
    """Give `items` consecutive positions from `start` (and numbers too, when `renumber`),
    writing one history row per changed item. A move is not an edit of an item's content, so
    versions stay: a form opened before the move still saves."""
    changed = []
    for offset, item in enumerate(items):
        position = start + offset
        if item.position != position or (renumber and item.number != position):
            item.position = position
            if renumber:
                item.number = position
            changed.append(item)
    if not changed:
        return
    fields = ["position", "number"] if renumber else ["position"]
    pks = [i.pk for i in changed]
    # Step aside first, then land: no moment where two rows share a number or place.
    step_aside = {"position": F("position") + _REORDER_OFFSET}
    if renumber:
        step_aside["number"] = F("number") + _REORDER_OFFSET
    AgendaItem.objects.filter(pk__in=pks).update(**step_aside)
    bulk_update_with_history(changed, AgendaItem, fields, batch_size=500)


# Sub-items: lettered A, B, C … in their order, without gaps.

def _letter(position: int) -> str:
    return chr(ord("A") + position - 1) if position <= 26 else f"A{chr(ord('A') + position - 27)}"


def sub_item_create(*, item: AgendaItem, **fields) -> SubItem:
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        position = SubItem.objects.filter(item=item).count() + 1
        sub = SubItem(item=item, position=position, letter=_letter(position), **fields)
        sub.full_clean()
        sub.save()
        mark_changed(item)
    return sub


def sub_item_update(*, sub: SubItem, expected_version: int | None, fields: dict) -> SubItem:
    with transaction.atomic():
        meeting_for_edit(sub.item.meeting_id)
        before = sub.version
        save_versioned(sub, expected_version=expected_version, fields=fields)
        if sub.version != before:
            mark_changed(sub.item)
    return sub


def sub_item_delete(*, sub: SubItem) -> None:
    """Remove a sub-item; the ones after it move up a letter (C becomes B)."""
    item = sub.item
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        sub.delete()
        _reletter(list(SubItem.objects.select_for_update().filter(item=item)
                       .order_by("position")))
        mark_changed(item)


def sub_item_move(*, sub: SubItem, by: int) -> None:
    with transaction.atomic():
        meeting_for_edit(sub.item.meeting_id)
        subs = list(SubItem.objects.select_for_update().filter(item_id=sub.item_id)
                    .order_by("position"))
        _reletter(moved(subs, [s.pk for s in subs].index(sub.pk), by))
        mark_changed(sub.item)


def _reletter(subs: list[SubItem]) -> None:
    """Letters and places 1, 2, 3 … in the order of `subs`. The rows that change step aside
    first to their new letter in lower case, which no other row has (the unique constraint
    compares case-sensitively), then land."""
    changed = [(n, s) for n, s in enumerate(subs, start=1) if s.position != n]
    if not changed:
        return
    for n, sub in changed:
        SubItem.objects.filter(pk=sub.pk).update(position=n + _REORDER_OFFSET,
                                                 letter=_letter(n).lower())
        sub.position, sub.letter = n, _letter(n)
    bulk_update_with_history([s for _n, s in changed], SubItem, ["position", "letter"],
                             batch_size=500)
