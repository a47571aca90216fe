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

from documents.pdf.archive import DataFile, embed, make_pdfa, save_options
from documents.pdf.contents import Placed, contents, link_contents, outline
from documents.pdf.render import Rendered, TocEntry
from documents.pdf.stamp import PageWriter
from documents.pdf.tagging import FIGURE_CONTENT, StructureTree, is_tagged

logger = logging.getLogger(__name__)

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
    archive: bool = False  # PDF/A-3b
    data_file: DataFile | None = None  # embedded as the document's data


def memo_page_number(number: int, total: int) -> str:
    """A memo's own "side X af Y", top right, as in MSB's memos (on its own and in the pack)."""
    return _("side %(page)s af %(pages)s") % {"page": number, "pages": total}


def number_pages(pdf: bytes, *, footer: Callable[[int, int], list[str]] | None = page_footer,
                 corner: Callable[[int, int], str] | None = None,
                 data_file: DataFile | None = None) -> bytes:
    """A document on its own: its rendering with `footer(page, pages)` (and/or `corner`)
    written on each page, and `data_file` embedded as its data. Structure tags, metadata and
    PDF/A identification are kept as they are."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        writer = PageWriter(document)
        total = len(document.pages)
        for index, page in enumerate(document.pages):
            writer.decorate(page, footer=footer(index + 1, total) if footer else None,
                            corner=corner(index + 1, total) if corner else None)
        writer.finish()
        if data_file is not None:
            embed(document, data_file)
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
    pack = _Assembly()
    try:
        progress(gettext_lazy("Samler dokumentet"))
        lead_start = pack.append_part(spec.lead.pdf)
        placed: list[Placed] = []
        for section in spec.sections:
            group = pack.group("Sect", section.label)
            memo_start = None
            if section.memo is not None:
                memo_start = pack.append_part(
                    section.memo.pdf, parent=group, numbered=True,
                    stamp=_("Punkt %(number)s: Indstilling") % {"number": section.number})
            starts = [(attachment, pack.append_attachment(attachment, parent=group))
                      for attachment in section.attachments]
            placed.append(Placed(section, memo_start, starts))
        overview_start = pack.append_part(spec.overview.pdf) if spec.overview else None
        body_pages = len(pack.out.pages)

        progress(gettext_lazy("Laver indholdsfortegnelse"))
        # A first guess at the length of the contents, so that it is mostly rendered once.
        entries_guess = len(spec.lead_items) + 3 * len(spec.sections)
        toc_pages, toc = 1 + entries_guess // TOC_ENTRIES_PER_PAGE, None
        for _attempt in range(3):
            entries = contents(spec, placed, lead_start, overview_start, offset=toc_pages)
            toc = render_toc(entries)
            if toc.page_count == toc_pages:
                break
            toc_pages = toc.page_count
        pack.insert_part(toc.pdf)
        link_contents(pack.out, toc_pages)

        progress(gettext_lazy("Nummererer sider"))
        total = toc_pages + body_pages
        pack.decorate(lambda index: page_footer(index + 1, total))
        outline(pack.out, entries)
        data = pack.save(spec)
    finally:
        pack.close()
    return Rendered(pdf=data, page_count=total)


@dataclass
class _Page:
    """What the last pass writes on a page of the pack."""

    stamp: str | None = None
    corner: str | None = None  # a memo's own page number
    make_room: bool = False  # an attachment: shrink its content clear of stamp and footer
    wrap: tuple[bytes, bytes] | None = None  # marked content around the page's own


class _Assembly:
    """The pack while it is put together: its pages, what to write on each, its structure
    tree (when the parts are tagged), and the sources whose streams it still reads."""

    def __init__(self):
        self.out = pikepdf.new()
        self.writer = PageWriter(self.out)
        self.pages: list[_Page] = []
        self.structure: StructureTree | None = None
        self._open: list[pikepdf.Pdf] = []  # stream data is copied from the sources on save

    def _source(self, data: bytes) -> pikepdf.Pdf:
        source = pikepdf.open(io.BytesIO(data))
        self._open.append(source)
        return source

    def group(self, role: str, title: str):
        """A structure element of the pack's own (an item's material, a Bilag)."""
        if self.structure is None:
            return None
        return self.structure.element(role, self.structure.document, T=pikepdf.String(title))

    def append_part(self, data: bytes, *, parent=None, stamp: str | None = None,
                    numbered: bool = False) -> int:
        """A part we rendered (WeasyPrint, tagged unless the variant is plain): its pages and
        its structure tree; `numbered` gives them their own "side X af Y" (a memo). The
        first part decides whether the pack is tagged."""
        source = self._source(data)
        start = len(self.out.pages)
        self.out.pages.extend(source.pages)
        if start == 0 and is_tagged(source):
            self.structure = StructureTree(self.out)
        if self.structure is not None and is_tagged(source):
            self.structure.graft(source, list(self.out.pages)[start:],
                                 parent if parent is not None else self.structure.document)
        count = len(self.out.pages) - start
        self.pages += [_Page(stamp=stamp, corner=memo_page_number(n, count) if numbered else None)
                       for n in range(1, count + 1)]
        return start

    def insert_part(self, data: bytes) -> None:
        """The contents, in front of everything else, and first in the structure tree."""
        source = self._source(data)
        for index, page in enumerate(source.pages):
            self.out.pages.insert(index, page)
        count = len(source.pages)
        if self.structure is not None and is_tagged(source):
            self.structure.graft(source, list(self.out.pages)[:count], self.structure.document,
                                 at=0)
        self.pages[0:0] = [_Page() for _ in range(count)]

    def append_attachment(self, attachment: AttachmentSource, *, parent) -> int:
        """The attachment's pages (its tags grafted under its Bilag, or a Figure per page),
        or a placeholder page; the first page's index."""
        start = len(self.out.pages)
        bilag = None
        if parent is not None:
            bilag = self.structure.element("Sect", parent, T=pikepdf.String(attachment.stamp))
        source, reason = self._attachment_source(attachment)
        if source is not None:
            try:
                self.out.pages.extend(source.pages)
            except (pikepdf.PdfError, ValueError, RuntimeError) as exc:
                logger.warning("Attachment %s could not be merged: %s", attachment.filename, exc)
                del self.out.pages[start:]
                source, reason = None, _("PDF-filen er beskadiget og kan ikke læses.")
        if source is not None:
            pages = list(self.out.pages)[start:]
            wrap = None
            if bilag is not None and is_tagged(source):
                self.structure.graft(source, pages, bilag)
            elif bilag is not None:
                self.structure.figures(pages, bilag, _figure_texts(attachment, len(pages)))
                wrap = FIGURE_CONTENT
            self.pages += [_Page(stamp=attachment.stamp, make_room=True, wrap=wrap)
                           for _ in pages]
            return start
        page, roles = self.writer.text_page(_("Bilaget kunne ikke sættes ind"), [
            attachment.stamp,
            _("Fil: %(filename)s") % {"filename": attachment.filename},
            _("Årsag: %(reason)s") % {"reason": reason or _("ukendt")},
            _("Resten af det samlede dokument er med. Hent bilaget fra mødets side, eller "
              "kontakt mødesekretariatet."),
        ])
        self.out.pages.append(page)
        if bilag is not None:
            self.structure.marked_page(self.out.pages[-1], bilag, roles)
        self.pages.append(_Page(stamp=attachment.stamp))
        return start

    def _attachment_source(self, attachment: AttachmentSource):
        """The attachment opened, or None and why it cannot be merged."""
        if attachment.data is None:
            return None, attachment.missing_reason
        try:
            source = self._source(attachment.data)
            if len(source.pages) == 0:
                return None, _("PDF-filen har ingen sider.")
            return source, ""
        except pikepdf.PasswordError:
            return None, _("PDF-filen er beskyttet med en adgangskode.")
        except (pikepdf.PdfError, ValueError, RuntimeError) as exc:
            logger.warning("Attachment %s could not be merged: %s", attachment.filename, exc)
            return None, _("PDF-filen er beskadiget og kan ikke læses.")

    def decorate(self, footer: Callable[[int], list[str]]) -> None:
        for index, (page, plan) in enumerate(zip(self.out.pages, self.pages, strict=True)):
            self.writer.decorate(page, header=plan.stamp, corner=plan.corner,
                                 footer=footer(index), make_room=plan.make_room, wrap=plan.wrap)
        self.writer.finish()

    def save(self, spec: PackSpec) -> bytes:
        if self.structure is not None:
            self.structure.finish()
        # PDF/A-3 has no place for the PDF/UA claim in its metadata; the tags are there.
        _metadata(self.out, title=spec.title, author=spec.author,
                  tagged=self.structure is not None and not spec.archive)
        if spec.data_file is not None:
            embed(self.out, spec.data_file)
        options = {"compress_streams": True,
                   "object_stream_mode": pikepdf.ObjectStreamMode.generate}
        if spec.archive:
            make_pdfa(self.out)
            options = save_options()
        buffer = io.BytesIO()
        self.out.save(buffer, **options)
        return buffer.getvalue()

    def close(self) -> None:
        for source in self._open:
            source.close()
        self.out.close()


def _figure_texts(attachment: AttachmentSource, pages: int) -> list[str]:
    """The alternative text of an untagged attachment's pages: its stamp, and the page."""
    if pages == 1:
        return [attachment.stamp]
    return [_("%(stamp)s (side %(page)s af %(pages)s)")
            % {"stamp": attachment.stamp, "page": page, "pages": pages}
            for page in range(1, pages + 1)]


def _metadata(out: pikepdf.Pdf, *, title: str, author: str, tagged: bool) -> None:
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
        if tagged:
            meta["pdfuaid:part"] = "1"  # the claim of PDF/UA-1 that its parts made
