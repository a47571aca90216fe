"""Changing an item's Bilag once they are added (adding them is `agendas.attachments`, which
checks each file): rename, open or closed, a new file, order and removal. They stay numbered
Bilag 1, 2, 3 … without gaps."""

import tempfile
from pathlib import Path

from django.db import transaction
from django.db.models import F
from simple_history.utils import bulk_update_with_history

from agendas.attachments.services import pdf_received
from agendas.models import Attachment
from agendas.services.items import mark_changed
from common.models import save_versioned
from common.ordering import moved
from meetings.services import meeting_for_edit

_OFFSET = 10_000
ATTACHMENT_FIELDS = ["title", "is_closed"]


def attachment_update(*, attachment: Attachment, expected_version: int | None,
                      fields: dict) -> Attachment:
    """Rename the Bilag or mark it open or closed."""
    if set(fields) - set(ATTACHMENT_FIELDS):
        raise ValueError(f"not an attachment field: {sorted(set(fields) - set(ATTACHMENT_FIELDS))}")
    with transaction.atomic():
        meeting_for_edit(attachment.item.meeting_id)
        before = attachment.version
        save_versioned(attachment, expected_version=expected_version, fields=fields)
        if attachment.version != before:
            mark_changed(attachment.item)
    return attachment


def attachment_replace(*, attachment: Attachment, expected_version: int | None, data,
                       filename: str) -> Attachment:
    """Put a new file behind the Bilag (checked like any upload; `data` as for
    attachment_add); its number and title stay. The old file stays in storage for the history
    (and for any other Bilag that shares it)."""
    with tempfile.TemporaryDirectory(prefix="referat-bilag-") as work:
        pdf = pdf_received(data, filename=filename, workdir=Path(work))
    with transaction.atomic():
        meeting_for_edit(attachment.item.meeting_id)
        save_versioned(attachment, expected_version=expected_version, fields={
            "file": pdf.name, "original_filename": pdf.filename, "size": pdf.size,
            "page_count": pdf.page_count, "sha256": pdf.sha256, "text": pdf.text,
            "has_text_layer": pdf.has_text_layer, "original_file": ""})
        mark_changed(attachment.item)
    return attachment


def attachment_delete(*, attachment: Attachment) -> None:
    """Remove the Bilag; the ones after it move up a number. The file stays in storage (another
    Bilag may use it, and the history refers to it)."""
    item = attachment.item
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        attachment.delete()
        _renumber(list(Attachment.objects.select_for_update().filter(item=item)
                       .order_by("position")))
        mark_changed(item)


def attachment_move(*, attachment: Attachment, by: int) -> None:
    """Move the Bilag `by` places (-1 up, 1 down); the numbers follow the new order."""
    with transaction.atomic():
        meeting_for_edit(attachment.item.meeting_id)
        rows = list(Attachment.objects.select_for_update().filter(item_id=attachment.item_id)
                    .order_by("position"))
        _renumber(moved(rows, [row.pk for row in rows].index(attachment.pk), by))
        mark_changed(attachment.item)


def _renumber(rows: list[Attachment]) -> None:
    changed = [row for n, row in enumerate(rows, start=1) if row.position != n]
    if not changed:
        return
    Attachment.objects.filter(pk__in=[r.pk for r in changed]).update(
        position=F("position") + _OFFSET)
    for n, row in enumerate(rows, start=1):
        row.position = n
    bulk_update_with_history(changed, Attachment, ["position"], batch_size=500)
