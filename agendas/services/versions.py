"""Restore an item or its memo as it stood at an earlier moment of its history.

The old texts go back through the same steps as an edit in the editor (`meeting_for_edit`,
`save_versioned`, `_points_update`): the meeting's lock is respected, numbers and places stay
as they are now, the content version moves, and the history gets new rows, so a restore is
itself a version that can be undone. Rows that are gone since are not brought back here (an
item's deletion has its own undo, `agenda_item_restore`); sections and points are matched by
their rows.
"""

from django.db import transaction

from agendas.models import AgendaItem, MemoSection, RecommendationPoint
from agendas.services.items import ITEM_FIELDS, MEMO_HEADER_FIELDS, mark_changed
from agendas.services.memos import PointEdit, _points_update, memo_sections_from_template
from common.history_rows import newest_rows
from common.models import save_versioned
from meetings.models import MemoTemplate
from meetings.services import meeting_for_edit

SCOPES = ("all", "item", "memo")


def _as_of(model, moment, **filters):
    return newest_rows(model.history.filter(history_date__lte=moment, **filters))


def item_version_restore(*, item: AgendaItem, moment, scope: str = "all") -> AgendaItem:
    """Make the item (scope "item": its own fields; "memo": its memo's header, sections and
    recommendation points; "all": both) read as it did at `moment`."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope: {scope}")
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        [old] = _as_of(AgendaItem, moment, id=item.pk) or [None]
        if old is None:
            return item
        item = AgendaItem.objects.get(pk=item.pk)
        names = (ITEM_FIELDS if scope != "memo" else []) + (
            MEMO_HEADER_FIELDS if scope != "item" else [])
        fields = {name: getattr(old, AgendaItem._meta.get_field(name).attname)
                  for name in names}
        template_before = item.memo_template_id
        if "memo_template" in fields:
            template_id = fields["memo_template"]
            fields["memo_template"] = MemoTemplate.objects.filter(pk=template_id).first()
        before = item.version
        save_versioned(item, expected_version=None, fields=fields)
        changed = item.version != before
        if item.memo_template_id != template_before:
            memo_sections_from_template(item=item)
        if scope != "item":
            changed |= _memo_restore(item, moment)
        if changed:
            mark_changed(item)
    return item


def _memo_restore(item: AgendaItem, moment) -> bool:
    changed = False
    sections = {s.pk: s for s in MemoSection.objects.filter(item=item)}
    for old in _as_of(MemoSection, moment, item_id=item.pk):
        current = sections.get(old.id)
        if current is not None and current.body != old.body:
            save_versioned(current, expected_version=None, fields={"body": old.body})
            changed = True
    stored = {p.pk for p in RecommendationPoint.objects.filter(item=item)}
    old_points = sorted(_as_of(RecommendationPoint, moment, item_id=item.pk),
                        key=lambda p: p.number)
    points = [PointEdit(p.id if p.id in stored else None, None, p.text) for p in old_points]
    changed |= _points_update(item, points, stored)
    return changed
