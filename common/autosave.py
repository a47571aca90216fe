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
  make one history entry: a save that continues the latest entry updates it (the text as it
  was left, and when) instead of writing another, so the history shows one edit per stretch
  of typing, with who and when.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from common.models import Autosaved, EditConflict, save_versioned

AUTOSAVE_REASON = "autosave"
COALESCE_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class AutosaveResult:
    instance: Autosaved
    applied: bool  # False: an older save that arrived after a newer one, ignored


def autosave(instance: Autosaved, *, field: str, value, expected_version: int | None,
             client: str, seq: int, by=None, current: Autosaved | None = None) -> AutosaveResult:
    """Save `value` into `field` of `instance` as the page `client` typed it (save number
    `seq`). Raises EditConflict when someone else changed the row since `expected_version`.
    Call inside the transaction of the service that checks the domain's rules; `current` is
    the row as that transaction has already locked it, if it has."""
    model = type(instance)
    # Inside the service's transaction: no savepoint of its own (a refusal ends it anyway).
    with transaction.atomic(savepoint=False):
        if current is None:
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
        entry = _entry_to_continue(instance, by)
        if entry is not None:
            instance.skip_history_when_saving = True
        try:
            save_versioned(instance, expected_version=expected_version, fields={
                field: value, "autosave_client": client, "autosave_seq": seq,
                "autosave_version": current.version + 1})
        finally:
            instance.__dict__.pop("skip_history_when_saving", None)
        if entry is not None:
            _continue_entry(entry, instance)
    return AutosaveResult(instance, applied=True)


def mark_autosaved(instance: Autosaved, *, client: str, seq: int) -> None:
    """Record on a row just created by an autosave that this page made its current version.
    (Give the row `_change_reason = AUTOSAVE_REASON` before saving it, so that the typing
    that follows joins its history entry.)"""
    type(instance)._default_manager.filter(pk=instance.pk).update(
        autosave_client=client, autosave_seq=seq, autosave_version=instance.version)
    instance.autosave_client, instance.autosave_seq = client, seq
    instance.autosave_version = instance.version


def _entry_to_continue(instance, by):
    """The row's latest history entry when this save continues it: an autosave by the same
    person less than COALESCE_WINDOW ago."""
    if by is None or not by.is_authenticated:
        return None
    latest = instance.history.order_by("-history_id").first()
    if (latest is not None and latest.history_change_reason == AUTOSAVE_REASON
            and latest.history_user_id == by.pk
            and timezone.now() - latest.history_date <= COALESCE_WINDOW):
        return latest
    return None


def _continue_entry(entry, instance) -> None:
    """The entry now shows the row as this save left it, at this moment (it keeps its kind:
    the entry that created the row stays the creation)."""
    tracked = {f.attname for f in entry._meta.concrete_fields} - {
        "history_id", "history_date", "history_type", "history_user_id",
        "history_change_reason", "history_relation_id"}
    for name in tracked:
        if hasattr(instance, name):
            setattr(entry, name, getattr(instance, name))
    entry.history_date = timezone.now()
    entry.save()
