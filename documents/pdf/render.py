"""Pure render functions: visible meeting content in, PDF bytes out.

Each function takes what `reading.content.meeting_content()` assembled (so the
visibility rules have already been applied) and renders an autoescaped Django template
with WeasyPrint. Nothing here queries for content, stores or fetches anything; the only
files WeasyPrint can reach are our static files (fetcher.py).

The agenda and the minutes come out without page numbers: the stamper writes "side X af Y"
afterwards, for the document alone or for the whole pack (see pack.py).
"""

import threading
from dataclasses import dataclass, field

import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint.text.fonts import FontConfiguration

from agendas.memo import memo_readability
from documents.pdf.fetcher import BASE_URL, StaticFilesFetcher, static_url
from meetings.models import Meeting, MinutesForm, SeriesLayout
from reading.content import ItemView, MeetingContent

TAGGED = "pdf/ua-1"
ARCHIVE = "pdf/a-3b"
VARIANTS = (None, TAGGED, ARCHIVE)
# Documents are tagged for screen readers unless asked otherwise.
DEFAULT_VARIANT = TAGGED
STYLESHEET = "css/pdf.css"


@dataclass(frozen=True)
class Rendered:
    """A rendered document and where things landed in it (page indexes from 0)."""

    pdf: bytes
    page_count: int
    anchors: dict[str, int] = field(default_factory=dict)
    outline: list[tuple[int, str, int]] = field(default_factory=list)


_local = threading.local()


def _stylesheet() -> tuple[StaticFilesFetcher, FontConfiguration, weasyprint.CSS]:
    """The fetcher, fonts and parsed stylesheet, loaded once per thread (loading the four
    Carlito files costs about as much as laying out a page). In DEBUG they are loaded anew
    for each document, so that a change of pdf.css shows at once."""
    cached = getattr(_local, "stylesheet", None)
    if cached is None or settings.DEBUG:
        fetcher = StaticFilesFetcher()
        fonts = FontConfiguration()
        css = weasyprint.CSS(url=static_url(STYLESHEET), url_fetcher=fetcher, font_config=fonts)
        cached = _local.stylesheet = (fetcher, fonts, css)
    return cached


def html_to_pdf(html: str, *, variant: str | None = DEFAULT_VARIANT) -> Rendered:
    if variant not in VARIANTS:
        raise ValueError(f"Unknown PDF variant: {variant}")
    fetcher, fonts, stylesheet = _stylesheet()
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
        stylesheets=[stylesheet], font_config=fonts)
    anchors: dict[str, int] = {}
    outline: list[tuple[int, str, int]] = []
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            anchors.setdefault(name, index)
        outline += [(level, label, index) for level, label, *_ in page.bookmarks]
    # The archive variant is tagged too: an archived document is read with a screen reader
    # as well.
    pdf = document.write_pdf(pdf_variant=variant, pdf_tags=variant is not None)
    return Rendered(pdf=pdf, page_count=len(document.pages), anchors=anchors, outline=outline)


def _render(template: str, context: dict, *, variant: str | None) -> Rendered:
    with translation.override("da"):
        html = render_to_string(template, context)
    return html_to_pdf(html, variant=variant)


def meeting_label(meeting: Meeting) -> str:
    return f"{meeting.series.name} {meeting.date:%d-%m-%Y}"


def series_author(meeting: Meeting) -> str:
    """The sender named in the metadata: the first line of the series' sender block."""
    lines = [line.strip() for line in meeting.series.sender_block.splitlines() if line.strip()]
    return lines[0] if lines else meeting.series.name


def render_agenda(content: MeetingContent, *, with_memos: bool = True,
                  variant: str | None = DEFAULT_VARIANT) -> Rendered:
    """The agenda ("Dagsorden"): the meeting header and every item. `with_memos` prints each
    memo inside its item, for the agenda on its own; the pack has the memos as documents of
    their own instead. A committee series gets the committee layout (§6)."""
    meeting = content.meeting
    with translation.override("da"):
        context = _meeting_context(content, doc_kind=_("Dagsorden"))
        context.update(with_memos=with_memos, with_decisions=False,
                       pdf_title=_("Dagsorden: %(meeting)s") % {"meeting": meeting_label(meeting)})
        if meeting.status == Meeting.Status.DRAFT:
            context["draft_note"] = _("Udkast: dagsordenen er ikke udsendt.")
    return _render(_agenda_template(meeting), context, variant=variant)


def render_minutes(content: MeetingContent, *, form: str | None = None,
                   variant: str | None = DEFAULT_VARIANT) -> Rendered:
    """The minutes ("Referat") in the series' form or `form`: the short form (§3) or the
    agenda with a "Beslutning for Punkt N" after each item (§2)."""
    meeting = content.meeting
    form = form or meeting.series.minutes_form
    with translation.override("da"):
        context = _meeting_context(content, doc_kind=_("Referat"))
        context.update(with_memos=False, with_decisions=True,
                       pdf_title=_("Referat: %(meeting)s") % {"meeting": meeting_label(meeting)})
        if meeting.status in (Meeting.Status.AGENDA_SENT, Meeting.Status.MINUTES_DRAFT):
            context["draft_note"] = _("Udkast: referatet er ikke godkendt.")
    if form == MinutesForm.SHORT:
        template = "documents/pdf/minutes_short.html"
    else:
        template = _agenda_template(meeting)
    return _render(template, context, variant=variant)


def render_memo(entry: ItemView, meeting: Meeting, *,
                variant: str | None = DEFAULT_VARIANT) -> Rendered:
    """An item's recommendation memo ("Indstilling") in its template's layout, A or B (§4),
    with its own "side X af Y" in the top margin."""
    item = entry.item
    context = {
        "entry": entry,
        "meeting": meeting,
        "lix": memo_lix(entry),
        "pdf_title": f"Indstilling: {item.memo_heading}",
        "pdf_author": item.sending_unit or series_author(meeting),
    }
    return _render("documents/pdf/memo.html", context, variant=variant)


@dataclass(frozen=True)
class TocEntry:
    level: int
    label: str
    page: int  # 1-based, as printed
    link: str = ""


def render_toc(meeting: Meeting, entries: list[TocEntry], *,
               variant: str | None = None) -> Rendered:
    """The pack's table of contents, once the page numbers are known."""
    with translation.override("da"):
        context = {"meeting": meeting, "entries": entries,
                   "pdf_title": _("Indhold"), "pdf_author": series_author(meeting)}
    return _render("documents/pdf/toc.html", context, variant=variant)


def render_overview(content: MeetingContent, *, variant: str | None = None) -> Rendered:
    """The reader's appendix (§7): "Overblik: Noter" and "Overblik: Delte kommentarer"."""
    readable = content.readable_items
    with translation.override("da"):
        context = {
            "meeting": content.meeting,
            "noted": [e for e in readable if e.notes],
            "commented": [e for e in readable if e.comments],
            "pdf_title": _("Overblik: Noter og delte kommentarer"),
            "pdf_author": series_author(content.meeting),
        }
    return _render("documents/pdf/overview.html", context, variant=variant)


def memo_lix(entry: ItemView) -> int | None:
    return memo_readability(sections=entry.memo_sections,
                            recommendations=[p.text for p in entry.recommendations])


def _meeting_context(content: MeetingContent, *, doc_kind: str) -> dict:
    return {
        "content": content,
        "meeting": content.meeting,
        "public": content.public,
        "doc_kind": doc_kind,
        "pdf_author": series_author(content.meeting),
    }


def _agenda_template(meeting: Meeting) -> str:
    if meeting.series.layout == SeriesLayout.COMMITTEE:
        return "documents/pdf/agenda_committee.html"
    return "documents/pdf/agenda.html"
