"""Rendered documents in default storage, one file per content key."""

import logging
import time
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from documents.models import RenderedDocument
from documents.pdf.render import Rendered
from meetings.models import Meeting

logger = logging.getLogger(__name__)


def find(key: str) -> RenderedDocument | None:
    return RenderedDocument.objects.filter(key=key).first()


def mark_current(keys: list[str], meeting: Meeting) -> None:
    """The documents `keys` show the meeting as it is now: `prune_documents` keeps them."""
    version = meeting.content_version
    RenderedDocument.objects.filter(key__in=keys, content_version__lt=version).update(
        content_version=version, current_at=timezone.now())


def forget_key(key: str) -> None:
    """Drop the row of `key`, whose file has gone missing from storage, so it renders again."""
    logger.warning("Stored document %s lost its file; it will be rendered again", key)
    RenderedDocument.objects.filter(key=key).delete()


def read(document: RenderedDocument) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def as_rendered(document: RenderedDocument) -> Rendered:
    return Rendered(pdf=read(document), page_count=document.page_count,
                    anchors=document.anchors, outline=[tuple(o) for o in document.outline])


def save(key: str, *, kind: str, meeting: Meeting, rendered: Rendered,
         seconds: float = 0) -> RenderedDocument:
    """Store `rendered` under `key`. When another process stored the same key meanwhile, its
    row wins and our file is removed (the content is the same by construction)."""
    document = RenderedDocument(key=key, kind=kind, meeting=meeting, size=len(rendered.pdf),
                                content_version=meeting.content_version,
                                page_count=rendered.page_count, anchors=rendered.anchors,
                                outline=[list(o) for o in rendered.outline],
                                render_seconds=round(seconds, 3))
    document.file.save(f"{key}.pdf", ContentFile(rendered.pdf), save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        document.file.storage.delete(document.file.name)
        existing = find(key)
        if existing is None:
            raise
        return existing
    return document


def get_or_render(key: str, *, kind: str, meeting: Meeting,
                  render: Callable[[], Rendered]) -> tuple[RenderedDocument, bool]:
    """The stored document for `key`, rendering and storing it first when there is none.
    Returns (document, rendered_now)."""
    document = find(key)
    if document is not None:
        mark_current([key], meeting)
        return document, False
    started = time.perf_counter()
    rendered = render()
    return save(key, kind=kind, meeting=meeting, rendered=rendered,
                seconds=time.perf_counter() - started), True
