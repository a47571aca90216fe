"""The pack's table of contents and bookmarks: where each part and Bilag landed, the contents'
links turned into jumps to those pages, and the outline that mirrors them."""

from dataclasses import dataclass

import pikepdf
from django.utils.translation import gettext as _

from documents.pdf.fetcher import BASE_URL
from documents.pdf.render import TocEntry

PAGE_LINK = BASE_URL + "side/"


@dataclass(frozen=True)
class Placed:
    """Where an item's material starts in the body of the pack (page indexes from 0)."""

    section: object  # PackSection
    memo_start: int | None
    attachments: list[tuple[object, int]]  # (AttachmentSource, first page)


def contents(spec, placed: list[Placed], lead_start: int, overview_start: int | None, *,
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
    for place in placed:
        first = place.memo_start if place.memo_start is not None else (
            place.attachments[0][1] if place.attachments else None)
        if first is None:
            continue
        entries.append(entry(0, place.section.label, first))
        if place.memo_start is not None:
            entries.append(entry(1, _("Indstilling"), place.memo_start))
        for attachment, start in place.attachments:
            entries.append(entry(1, attachment.label, start))
    if overview_start is not None and spec.overview is not None:
        for anchor, label in (("overblik-noter", _("Overblik: Noter")),
                              ("overblik-kommentarer", _("Overblik: Delte kommentarer"))):
            index = spec.overview.anchors.get(anchor)
            if index is not None:
                entries.append(entry(0, label, overview_start + index))
    return entries


def link_contents(out: pikepdf.Pdf, toc_pages: int) -> None:
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
                annotation.Contents = pikepdf.String(
                    _("Gå til side %(page)s") % {"page": target + 1})


def outline(out: pikepdf.Pdf, entries: list[TocEntry]) -> None:
    with out.open_outline() as tree:
        tree.root.append(pikepdf.OutlineItem(_("Indhold"), 0))
        parent = None
        for entry in entries:
            item = pikepdf.OutlineItem(entry.label, entry.page - 1)
            if entry.level == 0 or parent is None:
                tree.root.append(item)
                parent = item
            else:
                parent.children.append(item)
