"""The writes that record no history, each with the reason it need not.

django-simple-history records a row per save() and delete(); a queryset's update() and
bulk_create()/bulk_update() bypass it (its issues #72, #174, #591). Every such call in the
apps is either made through simple_history.utils.bulk_update_with_history /
bulk_create_with_history (or a save() per row), or listed here.
tests/common/test_history_allowlist.py reads the source and fails on a call that is neither;
it also checks the reasons it can: that the models named record no history, that the fields
named are not in their model's history, and that a step aside lands through a recorded write.

A key is (module, function, call without its arguments).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    why: str
    # Checked: these models have no history at all.
    without_history: tuple[str, ...] = ()
    # Checked: `untracked` are not fields of these models' history.
    untracked_in: tuple[str, ...] = ()
    untracked: tuple[str, ...] = ()
    # Checked: the same function writes the final values through a recorded write.
    lands_with_history: bool = False


def _no_history(model: str, what: str) -> Reason:
    return Reason(f"{what}: {model} has no history.", without_history=(model,))


def _step_aside(what: str) -> Reason:
    return Reason(f"{what} step aside first (a unique constraint is checked row by row), in "
                  "the same transaction as the write of their final values, which is recorded "
                  "(bulk_update_with_history or save() per row). The step is never seen.",
                  lands_with_history=True)


_CONVERSION = _no_history("agendas.AttachmentConversion",
                          "An office file's conversion state, work in progress of the intake")
_SEARCH_ENTRY = _no_history("search.SearchEntry", "The search index, derived from the meetings' "
                            "content and rewritten when their content version moves")
_PACK_JOB = _no_history("documents.PackJob", "A meeting pack's background job and its progress")
_AUTOSAVE = Reason(
    "The autosave's bookkeeping (which page saved, its number), not content; left out of the "
    "history of every autosaved model (Decision, DecisionPoint).",
    untracked_in=("decisions.Decision", "decisions.DecisionPoint"),
    untracked=("autosave_client", "autosave_seq", "autosave_version"))
_QUERYSET_OVERRIDE = Reason(
    "MeetingPartQuerySet's own update()/bulk_create() passing on to Django's after moving the "
    "content versions; each call of them is itself checked where it is made.")

ALLOWED: dict[tuple[str, str, str], Reason] = {
    ("agendas.attachments.services", "attachment_convert",
     "AttachmentConversion.objects.filter().update"): _CONVERSION,
    ("agendas.attachments.services", "_fail",
     "AttachmentConversion.objects.filter().update"): _CONVERSION,
    ("agendas.attachments.services", "_attach",
     "AttachmentConversion.objects.filter().update"): _CONVERSION,
    ("agendas.services.bilag", "_renumber",
     "Attachment.objects.filter().update"): _step_aside("Renumbered Bilag"),
    ("agendas.services.items", "_move",
     "AgendaItem.objects.filter().update"): _step_aside("Moved items"),
    ("agendas.services.items", "_reletter",
     "SubItem.objects.filter().update"): _step_aside("Relettered sub-items"),
    ("agendas.services.memos", "memo_sections_from_template",
     "MemoSection.objects.filter().update"): _step_aside("Reordered memo sections"),
    ("agendas.services.memos", "_points_update",
     "RecommendationPoint.objects.filter().update"): _step_aside("Renumbered recommendation "
                                                                 "points"),
    ("decisions.services.decisions", "decision_point_delete",
     "DecisionPoint.objects.filter().update"): _step_aside("Renumbered decision points"),
    ("decisions.services.versions", "decision_version_restore",
     "DecisionPoint.objects.filter().update"): _step_aside("Decision points back on their old "
                                                           "numbers"),
    ("agendas.services.items", "mark_changed", "AgendaItem.objects.filter().update"): Reason(
        "The item's 'changed after sending' time, set when one of its parts changes (a "
        "sub-item, a Bilag, a point). The change itself is recorded in the part's history; a "
        "row in the item's history for it would show a version of the item that changed "
        "nothing of the item's own."),
    ("agendas.services.notes", "note_delete", "Note.history.filter().update"): Reason(
        "Rewrites the history itself: a deleted private note's text is blanked in its "
        "historical rows, which must not make new ones."),
    ("meetings.versions", "content_changed", "models.QuerySet().filter().update"): Reason(
        "The meeting's content and annotations versions, counters that name a kept page or "
        "document; left out of the meeting's history.",
        untracked_in=("meetings.Meeting",), untracked=("content_version",
                                                       "annotations_version")),
    ("meetings.versions", "MeetingPartQuerySet.update", "super().update"): _QUERYSET_OVERRIDE,
    ("meetings.versions", "MeetingPartQuerySet.bulk_create",
     "super().bulk_create"): _QUERYSET_OVERRIDE,
    ("search.index", "_write", "SearchEntry.objects.bulk_update"): _SEARCH_ENTRY,
    ("search.index", "_write", "SearchEntry.objects.bulk_create"): _SEARCH_ENTRY,
    ("search.index", "_write", "IndexedMeeting.objects.bulk_create"): _no_history(
        "search.IndexedMeeting", "The content version a meeting's search entries were written "
        "at"),
    ("decisions.services.phrases", "phrases_set", "Phrase.objects.bulk_create"): _no_history(
        "decisions.Phrase", "A series' standard phrases for the minutes, replaced as a whole"),
    ("documents.lookup", "Slot.remember", "DocumentIndex.objects.bulk_create"): _no_history(
        "documents.DocumentIndex", "The index of stored documents, a cache"),
    ("documents.pdf.store", "mark_current",
     "RenderedDocument.objects.filter().update"): _no_history(
        "documents.RenderedDocument", "A stored rendering, a cache"),
    ("documents.tasks", "render_pack", "PackJob.objects.filter().update"): _PACK_JOB,
    ("documents.tasks", "render_pack.progress", "PackJob.objects.filter().update"): _PACK_JOB,
    ("documents.views", "_start_job", "PackJob.objects.filter().update"): _PACK_JOB,
    ("common.autosave", "autosave", "model._default_manager.filter().update"): _AUTOSAVE,
    ("common.autosave", "mark_autosaved",
     "type()._default_manager.filter().update"): _AUTOSAVE,
}
