"""One copy per file: stored files are named by the sha256 of their content, so the same
document is kept once however often, and under whatever name, it is attached.

Removing a Bilag never deletes its file here: another Bilag (or a pending conversion) may use
the same one, and the Bilag's history keeps it retrievable. Files that nothing, history
included, refers to any more are removed by `prune_unused_files`
(`manage.py prune_attachment_files`), which leaves young files alone so that an upload whose
row is not yet committed is never pruned from under it.
"""

import datetime as dt
import logging
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from agendas.models import Attachment, AttachmentConversion, attachment_upload_to
from agendas.models import original_upload_to as _original_upload_to

logger = logging.getLogger(__name__)

ROOT = "bilag"
PRUNE_GRACE = dt.timedelta(hours=1)


def pdf_name(sha256: str) -> str:
    return attachment_upload_to(type("Stored", (), {"sha256": sha256})(), "")


def original_name(sha256: str, extension: str) -> str:
    return _original_upload_to(None, f"{sha256}.{extension}")


def store_once(name: str, source: Path) -> str:
    """Put the file at `source` into storage as `name` unless a file of that name (and so of
    that content) is there already. Returns `name`."""
    storage = default_storage
    if storage.exists(name):
        return name
    with open(source, "rb") as handle:
        saved = storage.save(name, File(handle, name=Path(name).name))
    if saved != name:
        # The same content was stored by someone else between our look and our save.
        storage.delete(saved)
    return name


def referenced_names() -> set[str]:
    names = set(Attachment.objects.values_list("file", flat=True))
    names |= set(Attachment.objects.exclude(original_file="")
                 .values_list("original_file", flat=True))
    names |= set(AttachmentConversion.objects.values_list("original_file", flat=True))
    # Old versions of a Bilag (replaced or removed) stay retrievable from its history
    # (history/views.py: attachment_file), so the files their rows name are kept too.
    names |= set(Attachment.history.values_list("file", flat=True).distinct())
    names |= set(Attachment.history.exclude(original_file="")
                 .values_list("original_file", flat=True).distinct())
    return {name for name in names if name}


def prune_unused_files(*, dry_run: bool = False, now=None) -> list[str]:
    """Delete stored Bilag files that no Bilag or conversion refers to and that are older
    than PRUNE_GRACE; returns their names. A file an old version in the history names is in
    use: the secretariat can still fetch it from the Bilag's history."""
    now = now or timezone.now()
    used = referenced_names()
    removed = []
    for name in _walk(ROOT):
        if name in used:
            continue
        try:
            if now - default_storage.get_modified_time(name) < PRUNE_GRACE:
                continue
        except (FileNotFoundError, NotImplementedError):
            continue
        if not dry_run:
            default_storage.delete(name)
        removed.append(name)
    if removed:
        logger.info("%s unused Bilag files %s", len(removed),
                    "found" if dry_run else "removed")
    return removed


def _walk(directory: str):
    try:
        directories, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}"
    for sub in sorted(directories):
        yield from _walk(f"{directory}/{sub}")
