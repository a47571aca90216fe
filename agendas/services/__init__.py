"""The agendas app's services: every change to items, memos and Bilag goes through these."""

from agendas.services.items import (
    ITEM_FIELDS,
    MEMO_HEADER_FIELDS,
    SUB_ITEM_FIELDS,
    agenda_item_copy,
    agenda_item_create,
    agenda_item_delete,
    agenda_item_duplicate,
    agenda_item_move,
    agenda_item_restore,
    agenda_item_update,
    agenda_items_reorder,
    mark_changed,
    meeting_create,
    sub_item_create,
    sub_item_delete,
    sub_item_move,
    sub_item_update,
)
from agendas.services.memos import (
    PointEdit,
    memo_sections_from_template,
    memo_update,
    recommendation_point_add,
    recommendation_point_delete,
    recommendation_point_update,
    recommendation_points_set,
)
from agendas.services.notes import note_delete

__all__ = [
    "ITEM_FIELDS", "MEMO_HEADER_FIELDS", "SUB_ITEM_FIELDS", "PointEdit", "agenda_item_copy",
    "agenda_item_create",
    "agenda_item_delete", "agenda_item_duplicate", "agenda_item_move", "agenda_item_restore",
    "agenda_item_update", "agenda_items_reorder", "mark_changed", "meeting_create", "note_delete",
    "memo_sections_from_template", "memo_update", "recommendation_point_add",
    "recommendation_point_delete", "recommendation_point_update", "recommendation_points_set",
    "sub_item_create", "sub_item_delete", "sub_item_move", "sub_item_update",
]

from agendas.services.versions import item_version_restore  # noqa: E402

__all__ += ["item_version_restore"]
