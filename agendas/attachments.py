"""Adding attachments: every uploaded PDF is checked (damaged, encrypted, active content) and
described (pages, size, sha256, text) once, when it arrives."""

import hashlib
import io
import logging
from dataclasses import dataclass

import pikepdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from pypdf import PdfReader

from agendas.models import AgendaItem, Attachment
from agendas.services.items import mark_changed
from meetings.services import meeting_for_edit

logger = logging.getLogger(__name__)

# PDF actions that run code or reach outside the document.
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/Rendition"}
TEXT_PAGE_LIMIT = 500


@dataclass(frozen=True)
class PdfFacts:
    page_count: int
    size: int
    sha256: str
    text: str


def inspect_pdf(data: bytes) -> PdfFacts:
    """Check an uploaded file and describe it, or raise ValidationError with a Danish message."""
    if not data:
        raise ValidationError(_("Filen er tom. Vælg den rigtige fil, og prøv igen."), code="empty")
    if len(data) > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("Filen fylder %(size)s MB; et bilag må højst fylde %(max)s MB. Gør filen mindre, "
              "eller del den op i flere bilag, og prøv igen.")
            % {"size": round(len(data) / 1024 / 1024, 1),
               "max": settings.ATTACHMENT_MAX_BYTES // 1024 // 1024},
            code="too_large")
    if b"%PDF-" not in data[:1024]:
        raise ValidationError(_("Filen er ikke en PDF-fil. Gem dokumentet som PDF, og prøv igen."),
                              code="not_pdf")
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise ValidationError(_("PDF-filen er krypteret eller beskyttet. Gem den uden "
                                        "beskyttelse, og prøv igen."), code="encrypted")
            if _has_active_content(pdf):
                raise ValidationError(_("PDF-filen indeholder aktivt indhold (JavaScript eller "
                                        "handlinger, der åbner andre filer eller programmer) og "
                                        "kan ikke vedhæftes. Udskriv dokumentet til en ny "
                                        "PDF-fil, og prøv igen."), code="active_content")
            page_count = len(pdf.pages)
    except pikepdf.PasswordError as exc:
        raise ValidationError(_("PDF-filen er beskyttet med en adgangskode. Gem den uden "
                                "adgangskode, og prøv igen."), code="encrypted") from exc
    except pikepdf.PdfError as exc:
        raise ValidationError(_("PDF-filen er beskadiget og kan ikke åbnes. Gem den igen fra "
                                "det oprindelige program, og prøv igen."), code="damaged") from exc
    if page_count == 0:
        raise ValidationError(_("PDF-filen har ingen sider. Gem dokumentet som PDF på ny, og "
                                "prøv igen."), code="no_pages")
    return PdfFacts(page_count=page_count, size=len(data),
                    sha256=hashlib.sha256(data).hexdigest(), text=_extract_text(data))


def _has_active_content(pdf: pikepdf.Pdf) -> bool:
    names = pdf.Root.get("/Names")
    if names is not None and ("/JavaScript" in names or "/EmbeddedFiles" in names):
        return True
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary):
            if "/JS" in obj or str(obj.get("/S", "")) in ACTIVE_ACTIONS:
                return True
            if "/XFA" in obj:
                return True
    return False


def _extract_text(data: bytes) -> str:
    """The text layer, for search. A file whose text cannot be read is still a valid attachment."""
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = reader.pages[:TEXT_PAGE_LIMIT]
        return "\n".join((page.extract_text() or "") for page in pages).replace("\x00", "")
    except Exception:  # noqa: BLE001 - pypdf raises many kinds; text is a convenience here
        logger.warning("Could not extract text from an attachment", exc_info=True)
        return ""


def store_once(attachment: Attachment, data: bytes) -> None:
    """Files are stored under their sha256: the same document uploaded twice is kept once."""
    name = attachment.file.field.generate_filename(attachment, attachment.original_filename)
    storage = attachment.file.storage
    if storage.exists(name):
        attachment.file.name = name
    else:
        attachment.file.save(name, ContentFile(data), save=False)


def attachment_add(*, item: AgendaItem, data: bytes, filename: str, title: str = "",
                   is_closed: bool = False) -> Attachment:
    """Check `data` and attach it to `item` as its next Bilag (title: the file name if none)."""
    facts = inspect_pdf(data)
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        position = (item.attachments.aggregate(m=Max("position"))["m"] or 0) + 1
        attachment = Attachment(
            item=item, position=position, title=(title or filename).strip()[:300],
            original_filename=filename[:255], content_type="application/pdf", size=facts.size,
            page_count=facts.page_count, sha256=facts.sha256, text=facts.text, is_closed=is_closed)
        store_once(attachment, data)
        attachment.full_clean()
        attachment.save()
        mark_changed(item)
    return attachment
