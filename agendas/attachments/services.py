"""Receiving files as Bilag. Every file is judged by its content: a PDF is checked in an
isolated process and stored as its current revision, once per content; an office file is
kept as received and converted to PDF by the background worker, then checked the same way;
anything else is refused with the reason, naming the file.

    attachment_receive(...)   what an upload calls: a Bilag, or a conversion under way
    attachment_add(...)       a PDF (bytes or file) made a Bilag at once (demo, admin, tests)
    attachment_convert(...)   the worker's half of an office file (agendas/tasks.py)
"""

import hashlib
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from agendas.attachments.inspection import inspect_pdf_file
from agendas.attachments.kinds import HEAD_BYTES, extension, office_kind, safe_filename, sniff
from agendas.attachments.office import convert_to_pdf, libreoffice
from agendas.attachments.refusals import AttachmentRefused, Refusal, too_large
from agendas.attachments.storage import original_name, pdf_name, store_once
from agendas.models import AgendaItem, Attachment, AttachmentConversion
from agendas.services.items import mark_changed
from meetings.models import Meeting
from meetings.services import locked_message, meeting_for_edit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredPdf:
    """A checked PDF, in storage under `name` (its sha256), with what was learnt about it;
    `filename` is the received name, made safe."""

    filename: str
    name: str
    sha256: str
    size: int
    page_count: int
    text: str
    has_text_layer: bool


def attachment_receive(*, item: AgendaItem, data, filename: str, title: str = "",
                       is_closed: bool = False, by=None) -> Attachment | AttachmentConversion:
    """Make the received file (bytes, or a Django File such as an upload) a Bilag of `item`:
    a PDF at once (returns the Attachment), an office file through the worker (returns its
    AttachmentConversion, already done under the immediate task backend). Raises
    AttachmentRefused (a ValidationError) with the reason."""
    name = safe_filename(filename)
    _refuse_if_locked(item)
    with tempfile.TemporaryDirectory(prefix="referat-bilag-") as work:
        source = _received_file(data, Path(work))
        head = _check_size_and_read_head(source, name)
        office = office_kind(head, name)
        if office:
            return _queue_conversion(item=item, source=source, extension=office, name=name,
                                     title=title, is_closed=is_closed, by=by)
        kind = sniff(head)
        if office == "":
            raise Refusal("not_office", name, {"what": kind}).error()
        if kind != "pdf":
            raise Refusal("not_pdf", name, {"what": kind}).error()
        stored = prepare_pdf(source, name=name, workdir=Path(work))
        return _attach(item=item, stored=stored, name=name, title=title, is_closed=is_closed)


def attachment_add(*, item: AgendaItem, data, filename: str, title: str = "",
                   is_closed: bool = False) -> Attachment:
    """Check a PDF and attach it to `item` as its next Bilag (title: the file name without
    its extension, if none). `data`: bytes, a File, or a StoredPdf that pdf_received has
    already checked (the admin's form checks when it is cleaned). Office files go through
    attachment_receive."""
    if isinstance(data, StoredPdf):
        return _attach(item=item, stored=data, name=data.filename, title=title,
                       is_closed=is_closed)
    _refuse_if_locked(item)
    with tempfile.TemporaryDirectory(prefix="referat-bilag-") as work:
        stored = pdf_received(data, filename=filename, workdir=Path(work))
        return _attach(item=item, stored=stored, name=stored.filename, title=title,
                       is_closed=is_closed)


def pdf_received(data, *, filename: str, workdir: Path) -> StoredPdf:
    """A received file that must be a PDF (bytes or a File), checked and stored."""
    if isinstance(data, StoredPdf):
        return data
    name = safe_filename(filename)
    source = _received_file(data, workdir)
    kind = sniff(_check_size_and_read_head(source, name))
    if kind != "pdf":
        raise Refusal("not_pdf", name, {"what": kind}).error()
    return prepare_pdf(source, name=name, workdir=workdir)


def prepare_pdf(source: Path, *, name: str, workdir: Path) -> StoredPdf:
    """Check the PDF at `source` in isolation and store its rewritten form once."""
    inspected = inspect_pdf_file(source, name=name, workdir=workdir)
    stored_name = store_once(pdf_name(inspected.sha256), inspected.path)
    return StoredPdf(filename=name, name=stored_name, sha256=inspected.sha256,
                     size=inspected.size, page_count=inspected.page_count, text=inspected.text,
                     has_text_layer=inspected.has_text_layer)


def attachment_convert(*, conversion_id: int) -> AttachmentConversion | None:
    """Convert a received office file to PDF, check it and make it a Bilag; a refusal is
    written to the conversion. Claims the conversion first, so it runs once."""
    claimed = AttachmentConversion.objects.filter(
        pk=conversion_id, status=AttachmentConversion.Status.PENDING).update(
        status=AttachmentConversion.Status.RUNNING)
    if not claimed:
        return None
    conversion = AttachmentConversion.objects.select_related("item").get(pk=conversion_id)
    name = conversion.original_filename
    try:
        with tempfile.TemporaryDirectory(prefix="referat-konvertering-") as work:
            work = Path(work)
            ext = extension(conversion.original_file.name)
            document = work / f"dokument.{ext}"
            with default_storage.open(conversion.original_file.name, "rb") as source, \
                    open(document, "wb") as target:
                shutil.copyfileobj(source, target, 1024 * 1024)
            pdf = convert_to_pdf(document, extension=ext, name=name, workdir=work)
            stored = prepare_pdf(pdf, name=name, workdir=work)
            _attach(item=conversion.item, stored=stored, name=name, title=conversion.title,
                    is_closed=conversion.is_closed, conversion=conversion)
    except AttachmentRefused as refused:
        _fail(conversion, refused.refusal)
    except ValidationError as error:  # a rule of the item or meeting, e.g. approved minutes
        _fail(conversion, Refusal("not_attached", name, {"reason": " ".join(error.messages)}))
    except Exception:
        logger.exception("Conversion %s of %r failed", conversion_id, name)
        _fail(conversion, Refusal("conversion_failed", name))
        raise
    conversion.refresh_from_db()
    return conversion


def _fail(conversion: AttachmentConversion, refusal: Refusal) -> None:
    AttachmentConversion.objects.filter(pk=conversion.pk).update(
        status=AttachmentConversion.Status.FAILED, refusal_code=refusal.code,
        refusal_params=refusal.params, finished_at=timezone.now())


def _queue_conversion(*, item, source: Path, extension: str, name: str, title: str,
                      is_closed: bool, by) -> AttachmentConversion:
    from agendas.tasks import convert_attachment

    if libreoffice() is None:
        raise Refusal("office_unavailable", name).error()
    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    stored = store_once(original_name(digest.hexdigest(), extension), source)
    conversion = AttachmentConversion(
        item=item, title=_title(title, name), original_filename=name, original_file=stored,
        is_closed=is_closed, created_by=by if by and by.is_authenticated else None)
    conversion.full_clean()
    conversion.save()
    # Enqueued in the caller's transaction: the database backend's task row commits with the
    # conversion, so the worker never sees one without the other.
    convert_attachment.enqueue(conversion.pk)
    conversion.refresh_from_db()
    return conversion


def _attach(*, item, stored: StoredPdf, name: str, title: str, is_closed: bool,
            conversion: AttachmentConversion | None = None) -> Attachment:
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)  # approved minutes: refused (ValidationError)
        position = (item.attachments.aggregate(m=Max("position"))["m"] or 0) + 1
        attachment = Attachment(
            item=item, position=position, title=_title(title, name), original_filename=name,
            content_type="application/pdf", size=stored.size, page_count=stored.page_count,
            sha256=stored.sha256, text=stored.text, has_text_layer=stored.has_text_layer,
            is_closed=is_closed, file=stored.name,
            original_file=conversion.original_file.name if conversion else "")
        attachment.full_clean()
        attachment.save()
        mark_changed(item)
        if conversion is not None:
            AttachmentConversion.objects.filter(pk=conversion.pk).update(
                status=AttachmentConversion.Status.DONE, attachment=attachment,
                finished_at=timezone.now(), refusal_code="", refusal_params={})
    return attachment


def _refuse_if_locked(item: AgendaItem) -> None:
    """Refuse before any file work when the minutes are approved (_attach checks again, under
    the meeting's lock, since the meeting may change while a file is checked or converted)."""
    meeting = Meeting.objects.get(pk=item.meeting_id)
    if meeting.minutes_locked:
        raise ValidationError(locked_message(meeting), code="locked")


def _title(title: str, name: str) -> str:
    title = (title or "").strip()
    if not title:
        stem, dot, _ext = name.rpartition(".")
        title = stem if dot and stem else name
    return title[:300]


def _received_file(data, work: Path) -> Path:
    """A path to the received bytes: the upload's own temporary file when it has one,
    else a copy in `work` (the checker and converter read files, not memory)."""
    if isinstance(data, bytes | bytearray):
        path = work / "modtaget"
        path.write_bytes(data)
        return path
    if hasattr(data, "temporary_file_path"):
        return Path(data.temporary_file_path())
    path = work / "modtaget"
    data.seek(0)
    with open(path, "wb") as target:
        for chunk in data.chunks() if hasattr(data, "chunks") else iter(
                lambda: data.read(1024 * 1024), b""):
            target.write(chunk)
    return path


def _check_size_and_read_head(source: Path, name: str) -> bytes:
    size = source.stat().st_size
    if size == 0:
        raise Refusal("empty", name).error()
    limit = settings.ATTACHMENT_MAX_BYTES
    if size > limit:
        raise too_large(name, size, limit).error()
    with open(source, "rb") as handle:
        return handle.read(HEAD_BYTES)
