"""The decisions app's services: every change to decisions, their points, follow-ups,
attendance and phrases goes through these, and so does the minutes' way to approval."""

from decisions.services.attendance import Mark, attendance_update, item_attendance_update
from decisions.services.decisions import (
    check_answers,
    decision_create,
    decision_delete,
    decision_for,
    decision_get_or_create,
    decision_point_create,
    decision_point_delete,
    decision_point_update,
    decision_set_numbering,
    decision_text_autosave,
    decision_update,
    point_add,
    point_from_recommendation,
    point_text_autosave,
)
from decisions.services.follow_ups import (
    FOLLOW_UP_TRACKING_FIELDS,
    follow_up_create,
    follow_up_delete,
    follow_up_schedule,
    follow_up_set_status,
    follow_up_update,
    may_track,
    open_follow_ups_before,
)
from decisions.services.minutes import (
    is_minutes_item,
    item_defer,
    meeting_publish,
    minutes_approve,
    next_meeting,
    previous_meeting,
    previous_minutes_approve,
)
from decisions.services.phrases import phrases_digest, phrases_for, phrases_set

__all__ = [
    "FOLLOW_UP_TRACKING_FIELDS", "Mark", "attendance_update", "check_answers",
    "decision_create", "decision_delete", "decision_for", "decision_get_or_create",
    "decision_point_create", "decision_point_delete", "decision_point_update",
    "decision_set_numbering", "decision_text_autosave",
    "decision_update", "follow_up_create", "follow_up_delete", "follow_up_schedule",
    "follow_up_set_status", "follow_up_update", "is_minutes_item", "item_attendance_update",
    "item_defer", "may_track", "meeting_publish", "minutes_approve", "next_meeting",
    "open_follow_ups_before", "phrases_digest", "phrases_for", "phrases_set", "point_add",
    "point_from_recommendation", "point_text_autosave", "previous_meeting",
    "previous_minutes_approve",
]

from decisions.services.versions import decision_version_restore  # noqa: E402

__all__ += ["decision_version_restore"]
