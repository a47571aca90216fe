"""The pack ("samlet dokument") and the page numbers of a document on its own.

Both are one pikepdf pass over PDFs rendered once: the parts come from the cache, the
attachments from storage. The pack puts the agenda or minutes first, then per item its memo
and its attachments, every attachment page stamped "Punkt N, Bilag M: title" (§5), then the
reader's overview; a table of contents (rendered by WeasyPrint once the page numbers are
known) goes in front, bookmarks mirror it, and "side X af Y" runs over every page.

The parts carry no page footer of their own (the memo's "side X af Y" sits in its header,
as in MSB's memos), so the pack's footer never collides with one.
"""

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import pikepdf
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.pdf.fetcher import BASE_URL
from documents.pdf.render import Rendered, TocEntry
from documents.pdf.stamp import PageWriter

logger = logging.getLogger(__name__)

PAGE_LINK = BASE_URL + "side/"
TOC_ENTRIES_PER_PAGE = 38


def page_footer(number: int, total: int) -> list[str]:
    return [_("side %(page)s af %(pages)s") % {"page": number, "pages": total}]


@dataclass(frozen=True)
class AttachmentSource:
    """An attachment to merge: its file's bytes, or None with the reason it is missing."""

    item_number: int
    position: int
    title: str
    filename: str
    data: bytes | None
    missing_reason: str = ""

    @property
    def stamp(self) -> str:
        return _("Punkt %(number)s, Bilag %(position)s: %(title)s") % {
            "number": self.item_number, "position": self.position, "title": self.title}

    @property
    def label(self) -> str:
        return _("Bilag %(position)s: %(title)s") % {"position": self.position,
                                                     "title": self.title}


@dataclass(frozen=True)
class PackSection:
    """One item's material after the agenda: its memo and its attachments."""

    number: int
    title: str
    memo: Rendered | None = None
    attachments: list[AttachmentSource] = field(default_factory=list)

    @property
    def label(self) -> str:
        return _("Punkt %(number)s: %(title)s") % {"number": self.number, "title": self.title}


@dataclass(frozen=True)
class PackSpec:
    title: str
    author: str
    lead_label: str  # "Dagsorden" or "Referat"
    lead: Rendered
    lead_items: list[tuple[int, str]]  # (number, title) of the items in the lead
    sections: list[PackSection]
    overview: Rendered | None = None


def number_pages(pdf: bytes, *, footer: Callable[[int, int], list[str]] = page_footer) -> bytes:
    """A document on its own: its rendering with `footer(page, pages)` written on each page.
    Structure tags, metadata and PDF/A identification are kept as they are."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        writer = PageWriter(document)
        total = len(document.pages)
        for index, page in enumerate(document.pages):
            writer.decorate(page, footer=footer(index + 1, total))
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def build_pack(spec: PackSpec, *, render_toc: Callable[[list[TocEntry]], Rendered],
               progress: Callable[[str], None] | None = None) -> Rendered:
    """Merge, stamp, number and bookmark the pack. A damaged or missing attachment becomes a
    placeholder page that names the file and the reason; the rest of the pack is made.
    The pack is a Danish document whatever language the caller's thread is in."""
    with translation.override("da"):
        return _build_pack(spec, render_toc=render_toc, progress=progress)


def _build_pack(spec: PackSpec, *, render_toc, progress) -> Rendered:
    progress = progress or (lambda label: None)
    out = pikepdf.new()
    writer = PageWriter(out)
    keep_open: list[pikepdf.Pdf] = []  # stream data is copied from the sources on save

    def append(data: bytes) -> int:
        source = pikepdf.open(io.BytesIO(data))
        keep_open.append(source)
        start = len(out.pages)
        out.pages.extend(source.pages)
        return start

    # Per page of the body: (stamp in the top margin or None, whether it is an attachment).
    stamps: list[tuple[str | None, bool]] = []

    def mark(start: int, stamp: str | None, attachment: bool = False) -> None:
        stamps.extend([(stamp, attachment)] * (len(out.pages) - start))

    try:
        progress(gettext_lazy("Samler dokumentet"))
        lead_start = append(spec.lead.pdf)
        mark(lead_start, None)
        placed: list[tuple[PackSection, int | None, list[tuple[AttachmentSource, int]]]] = []
        for section in spec.sections:
            memo_start = None
            if section.memo is not None:
                memo_start = append(section.memo.pdf)
                mark(memo_start, _("Punkt %(number)s: Indstilling") % {"number": section.number})
            attachment_starts = []
            for attachment in section.attachments:
                start, merged = _append_attachment(out, writer, attachment, keep_open)
                mark(start, attachment.stamp, attachment=merged)
                attachment_starts.append((attachment, start))
            placed.append((section, memo_start, attachment_starts))
        overview_start = append(spec.overview.pdf) if spec.overview else None
        if overview_start is not None:
            mark(overview_start, None)
        body_pages = len(out.pages)

        progress(gettext_lazy("Laver indholdsfortegnelse"))
        # A first guess at the length of the contents, so that it is mostly rendered once.
        entries_guess = len(spec.lead_items) + 3 * len(spec.sections)
        toc_pages, toc = 1 + entries_guess // TOC_ENTRIES_PER_PAGE, None
        for _attempt in range(3):
            entries = _contents(spec, placed, lead_start, overview_start, offset=toc_pages)
            toc = render_toc(entries)
            if toc.page_count == toc_pages:
                break
            toc_pages = toc.page_count
        toc_source = pikepdf.open(io.BytesIO(toc.pdf))
        keep_open.append(toc_source)
        for index, page in enumerate(toc_source.pages):
            out.pages.insert(index, page)
        _link_contents(out, toc_pages)

        progress(gettext_lazy("Nummererer sider"))
        total = toc_pages + body_pages
        stamps[0:0] = [(None, False)] * toc_pages
        for index, (page, (stamp, attachment)) in enumerate(zip(out.pages, stamps, strict=True)):
            writer.decorate(page, header=stamp, footer=page_footer(index + 1, total),
                            make_room=attachment)
        _outline(out, entries, toc_pages)
        _metadata(out, title=spec.title, author=spec.author)
        buffer = io.BytesIO()
        out.save(buffer, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    finally:
        for source in keep_open:
            source.close()
        out.close()
    return Rendered(pdf=buffer.getvalue(), page_count=total)


def _append_attachment(out: pikepdf.Pdf, writer: PageWriter, attachment: AttachmentSource,
                       keep_open: list[pikepdf.Pdf]) -> tuple[int, bool]:
    """Append the attachment's pages, or a placeholder page; (first page, merged)."""
    start = len(out.pages)
    reason = attachment.missing_reason
    if attachment.data is not None:
        try:
            source = pikepdf.open(io.BytesIO(attachment.data))
            keep_open.append(source)
            if len(source.pages) == 0:
                reason = _("PDF-filen har ingen sider.")
            else:
                out.pages.extend(source.pages)
        except pikepdf.PasswordError:
            reason = _("PDF-filen er beskyttet med en adgangskode.")
        except (pikepdf.PdfError, ValueError, RuntimeError) as exc:
            logger.warning("Attachment %s could not be merged: %s", attachment.filename, exc)
            reason = _("PDF-filen er beskadiget og kan ikke læses.")
            del out.pages[start:]
    if len(out.pages) > start:
        return start, True
    out.pages.append(writer.text_page(_("Bilaget kunne ikke sættes ind"), [
        attachment.stamp,
        _("Fil: %(filename)s") % {"filename": attachment.filename},
        _("Årsag: %(reason)s") % {"reason": reason or _("ukendt")},
        _("Resten af det samlede dokument er med. Hent bilaget fra mødets side, eller "
          "kontakt mødesekretariatet."),
    ]))
    return start, False


def _contents(spec: PackSpec, placed, lead_start: int, overview_start: int | None, *,
              offset: int) -> list[TocEntry]:
    """The entries of the table of contents (and the bookmarks): level 0 for the agenda, each
    item with material and the overview, level 1 within them. Pages are 1-based."""

    def entry(level: int, label: str, index: int) -> TocEntry:
        page = offset + index + 1
        return TocEntry(level=level, label=label, page=page, link=f"{PAGE_LINK}{page}")

    entries = [entry(0, spec.lead_label, lead_start)]
    for number, title in spec.lead_items:
        index = spec.lead.anchors.get(f"punkt-{number}")
        if index is not None:
            entries.append(entry(1, _("Punkt %(number)s: %(title)s")
                                 % {"number": number, "title": title}, lead_start + index))
    for section, memo_start, attachment_starts in placed:
        first = memo_start if memo_start is not None else (
            attachment_starts[0][1] if attachment_starts else None)
        if first is None:
            continue
        entries.append(entry(0, section.label, first))
        if memo_start is not None:
            entries.append(entry(1, _("Indstilling"), memo_start))
        for attachment, start in attachment_starts:
            entries.append(entry(1, attachment.label, start))
    if overview_start is not None and spec.overview is not None:
        for anchor, label in (("overblik-noter", _("Overblik: Noter")),
                              ("overblik-kommentarer", _("Overblik: Delte kommentarer"))):
            index = spec.overview.anchors.get(anchor)
            if index is not None:
                entries.append(entry(0, label, overview_start + index))
    return entries


def _link_contents(out: pikepdf.Pdf, toc_pages: int) -> None:
    """Turn the contents' links (PAGE_LINK + number) into jumps to those pages."""
    for page in list(out.pages)[:toc_pages]:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if not uri.startswith(PAGE_LINK):
                continue
            target = int(uri[len(PAGE_LINK):]) - 1
            if 0 <= target < len(out.pages):
                del annotation["/A"]
                annotation.Dest = pikepdf.Array([out.pages[target].obj, pikepdf.Name.Fit])


def _outline(out: pikepdf.Pdf, entries: list[TocEntry], toc_pages: int) -> None:
    with out.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem(_("Indhold"), 0))
        parent = None
        for entry in entries:
            item = pikepdf.OutlineItem(entry.label, entry.page - 1)
            if entry.level == 0 or parent is None:
                outline.root.append(item)
                parent = item
            else:
                parent.children.append(item)


def _metadata(out: pikepdf.Pdf, *, title: str, author: str) -> None:
    out.docinfo["/Title"] = title
    out.docinfo["/Author"] = author
    out.docinfo["/Creator"] = "Referat"
    out.Root.Lang = pikepdf.String("da")
    out.Root.PageMode = pikepdf.Name.UseOutlines
    out.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    with out.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["dc:creator"] = [author]
        meta["dc:language"] = ["da"]
