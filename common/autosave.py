"""Text saved by the browser as it is typed, without flooding the history and without losing a
newer text to an older one.

The page sends each save with its own random id (`client`, one per page load) and a number
that grows with every save it sends (`seq`). On the server, under the row's lock:

- a save from the same page with a number at or below the last one applied arrived late: it is
  ignored (the newer text stays);
- otherwise it goes through the one versioned update (`save_versioned`). The version it is
  compared with is the one the page saw, except when the row's current version was made by
  this same page's previous autosave: the page may have sent again before it heard the answer,
  and a page is never in conflict with itself;
- consecutive autosaves of one text by one person within `COALESCE_WINDOW` of each other
  make one history entry: the entry of the previous save is dropped when the next one is
  written, so the history keeps the text as it was left, with who and when.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction

from common.models import Autosaved, EditConflict, save_versioned

AUTOSAVE_REASON = "autosave"
COALESCE_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class AutosaveResult:
    instance: Autosaved
    applied: bool  # False: an older save that arrived after a newer one, ignored


def autosave(instance: Autosaved, *, field: str, value, expected_version: int | None,
             client: str, seq: int, by=None) -> AutosaveResult:
    """Save `value` into `field` of `instance` as the page `client` typed it (save number
    `seq`). Raises EditConflict when someone else changed the row since `expected_version`.
    Call inside the transaction of the service that checks the domain's rules."""
    model = type(instance)
    with transaction.atomic():
        current = model._default_manager.select_for_update().filter(pk=instance.pk).first()
        if current is None:
            raise EditConflict(instance, None)
        own_page = bool(client) and current.autosave_client == client
        if own_page and seq <= current.autosave_seq:
            return AutosaveResult(current, applied=False)
        if getattr(current, field) == value:
            # The stored text is this text already (whoever wrote it): nothing to write and
            # nothing to be in conflict about. Remember the number only.
            model._default_manager.filter(pk=instance.pk).update(
                autosave_client=client, autosave_seq=seq, autosave_version=current.version)
            instance.version = current.version
            setattr(instance, field, value)
            return AutosaveResult(instance, applied=True)
        if own_page and current.autosave_version == current.version:
            expected_version = current.version
        instance._change_reason = AUTOSAVE_REASON
        if by is not None and by.is_authenticated:
            instance._history_user = by
        save_versioned(instance, expected_version=expected_version, fields={
            field: value, "autosave_client": client, "autosave_seq": seq,
            "autosave_version": current.version + 1})
        coalesce_history(instance)
    return AutosaveResult(instance, applied=True)


def mark_autosaved(instance: Autosaved, *, client: str, seq: int) -> None:
    """Record on a row just created by an autosave that this page made its current version.
    (Give the row `_change_reason = AUTOSAVE_REASON` before saving it, so that the typing
    that follows joins its history entry.)"""
    type(instance)._default_manager.filter(pk=instance.pk).update(
        autosave_client=client, autosave_seq=seq, autosave_version=instance.version)
    instance.autosave_client, instance.autosave_seq = client, seq
    instance.autosave_version = instance.version


def coalesce_history(instance) -> None:
    """Drop the history entry before the newest one when both are autosaves by the same
    person within COALESCE_WINDOW of each other: together they are one edit."""
    newest, previous = (list(instance.history.order_by("-history_id")[:2]) + [None, None])[:2]
    if newest is None or previous is None:
        return
    if (newest.history_change_reason == previous.history_change_reason == AUTOSAVE_REASON
            and newest.history_user_id is not None
            and newest.history_user_id == previous.history_user_id
            and newest.history_date - previous.history_date <= COALESCE_WINDOW):
        if previous.history_type == "+":  # the entry that created the row stays the creation
            newest.history_type = "+"
            newest.save(update_fields=["history_type"])
        previous.delete()
