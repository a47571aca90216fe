"""The PDF documents of a meeting as a viewer may see them: assembled once with
`meeting_content()`, identified by a hash of what they show, rendered when that version is
not stored yet, and stored for every later request.

Parts are stored on their own (the agenda or minutes without page numbers, each memo, the
reader's overview), so after an edit to one item only the parts that show it render again,
and the pack is one pikepdf pass over stored parts and attachment files.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agendas.models import AgendaItem
from common.richtext import html_to_text
from documents.models import RenderedDocument
from documents.pdf import fingerprint, render, store
from documents.pdf.archive import DataFile, record_file
from documents.pdf.fingerprint import item_data, meeting_data, row
from documents.pdf.pack import (
    AttachmentSource,
    PackSection,
    PackSpec,
    build_pack,
    memo_page_number,
    number_pages,
)
from meetings.models import Meeting, SeriesLayout
from reading.content import ItemView, MeetingContent, meeting_content, minutes_available

logger = logging.getLogger(__name__)

Kind = RenderedDocument.Kind

# A pack renders in the request when the parts it still has to render come to at most this
# many estimated pages (WeasyPrint manages about ten a second here) and the whole pack to at
# most PACK_INLINE_MAX_PAGES; anything larger goes to the background worker.
PACK_INLINE_MAX_NEW_PAGES = 30
PACK_INLINE_MAX_PAGES = 300
CHARS_PER_PAGE = 3000


def _content(meeting, user, *, public: bool, with_annotations: bool = False) -> MeetingContent:
    return meeting_content(meeting=meeting, user=AnonymousUser() if public else user,
                           public=public, with_annotations=with_annotations)


def _numbered(rendered: render.Rendered, meeting: Meeting, *, memo: bool = False,
              data_file: DataFile | None = None) -> render.Rendered:
    """The document on its own: "side X af Y" at the foot of each page, or at the top right
    of a memo's; the committee layout writes its date above "Side X af Y" (§6).
    `data_file`: see archive.py."""
    if memo:
        with translation.override("da"):
            pdf = number_pages(rendered.pdf, footer=None, corner=memo_page_number)
    elif meeting.series.layout == SeriesLayout.COMMITTEE:
        date = meeting.document_date

        def footer(page, pages):
            with translation.override("da"):
                lines = [_date(date)] if date else []
                return [*lines, _("Side %(page)s af %(pages)s") % {"page": page, "pages": pages}]

        pdf = number_pages(rendered.pdf, footer=footer, data_file=data_file)
    else:
        with translation.override("da"):
            pdf = number_pages(rendered.pdf, data_file=data_file)
    return render.Rendered(pdf=pdf, page_count=rendered.page_count, anchors=rendered.anchors,
                           outline=rendered.outline)


def _date(value) -> str:
    return date_format(value, "j. F Y")


def _items(content: MeetingContent, *, decisions: bool, memos: bool) -> list:
    return [item_data(entry, decisions=decisions, memo=memos) for entry in content.items]


# Keys. Each says what its document shows; the variant changes the file, so it is in too.

def agenda_key(content: MeetingContent, *, with_memos: bool, variant) -> str:
    return fingerprint.key("agenda", variant=variant, with_memos=with_memos,
                           **meeting_data(content),
                           items=_items(content, decisions=False, memos=with_memos))


def minutes_key(content: MeetingContent, *, form: str, variant) -> str:
    return fingerprint.key("minutes", variant=variant, form=form, **meeting_data(content),
                           items=_items(content, decisions=True, memos=False),
                           attendance=fingerprint.attendance_data(content))


def memo_key(entry: ItemView, meeting: Meeting, *, variant) -> str:
    return fingerprint.key("memo", variant=variant, series=row(meeting.series),
                           item=item_data(entry, decisions=False))


def toc_key(meeting: Meeting, entries: list[render.TocEntry], *, variant) -> str:
    return fingerprint.key("toc", variant=variant, meeting=row(meeting), series=row(meeting.series),
                           entries=[[e.level, e.label, e.page, e.link] for e in entries])


def overview_key(content: MeetingContent, user, *, variant) -> str:
    return fingerprint.key("overview", variant=variant, user=getattr(user, "pk", None),
                           meeting=row(content.meeting),
                           items=[[e.item.number, e.item.title] for e in content.readable_items],
                           annotations=fingerprint.annotations_data(content))


def _part(key: str, meeting: Meeting, render_part: Callable[[], render.Rendered]):
    return store.get_or_render(key, kind=Kind.PART, meeting=meeting, render=render_part)[0]


def _finished(kind: str, meeting: Meeting, part: RenderedDocument, *, memo: bool = False,
              data_file: Callable[[], DataFile | None] = lambda: None):
    """A document on its own, made from its stored part by writing the page numbers (and,
    in the archive variant, embedding its data, which the part's key covers)."""
    return store.get_or_render(
        fingerprint.key(kind, part=part.key), kind=kind, meeting=meeting,
        render=lambda: _numbered(store.as_rendered(part), meeting, memo=memo,
                                 data_file=data_file()))[0]


# The documents.

def agenda_pdf(*, meeting: Meeting, user, public: bool = False,
               variant=render.DEFAULT_VARIANT) -> RenderedDocument:
    """The agenda on its own, each memo printed inside its item."""
    content = _content(meeting, user, public=public)
    key = agenda_key(content, with_memos=True, variant=variant)
    part = _part(key, meeting, lambda: render.render_agenda(content, with_memos=True,
                                                           variant=variant))
    return _finished(Kind.AGENDA, meeting, part,
                     data_file=lambda: record_file(content, variant, decisions=False))


def minutes_pdf(*, meeting: Meeting, user, public: bool = False, form: str | None = None,
                variant=render.DEFAULT_VARIANT) -> RenderedDocument:
    """The minutes on its own, in the series' form unless `form` says otherwise. The caller
    checks `minutes_available` first."""
    content = _content(meeting, user, public=public)
    form = form or meeting.series.minutes_form
    key = minutes_key(content, form=form, variant=variant)
    part = _part(key, meeting, lambda: render.render_minutes(content, form=form, variant=variant))
    return _finished(Kind.MINUTES, meeting, part,
                     data_file=lambda: record_file(content, variant, decisions=True))


def memo_pdf(*, item: AgendaItem, user, public: bool = False,
             variant=render.DEFAULT_VARIANT) -> RenderedDocument | None:
    """The memo of `item` on its own (with its own "side X af Y"), or None when the viewer
    cannot read the item or it has no memo."""
    meeting = item.meeting
    content = _content(meeting, user, public=public)
    entry = next((e for e in content.readable_items if e.item.pk == item.pk), None)
    if entry is None or not entry.item.has_memo:
        return None
    key = memo_key(entry, meeting, variant=variant)
    part = _part(key, meeting, lambda: render.render_memo(entry, meeting, variant=variant))
    return _finished(Kind.MEMO, meeting, part, memo=True)


# The pack.

@dataclass
class PackPart:
    """A part of the pack: where it is stored and how to render it when it is not."""

    key: str
    label: str
    estimate: Callable[[], int]  # pages, from the length of the text (only when needed)
    render: Callable[[], render.Rendered]
    stored: RenderedDocument | None = None

    @property
    def estimated_pages(self) -> int:
        return self.stored.page_count if self.stored else self.estimate()


@dataclass
class PackPlan:
    meeting: Meeting
    content: MeetingContent
    user: object
    public: bool
    with_annotations: bool
    variant: str | None
    lead_label: str
    lead: PackPart
    memos: dict[int, PackPart]
    overview: PackPart | None
    key: str
    attachment_pages: int
    lead_is_minutes: bool = False
    stored: RenderedDocument | None = None
    parts: list[PackPart] = field(default_factory=list)

    @property
    def missing_parts(self) -> list[PackPart]:
        return [p for p in self.parts if p.stored is None]

    @property
    def new_pages(self) -> int:
        """Estimated pages WeasyPrint still has to render for this pack."""
        return sum(p.estimated_pages for p in self.missing_parts) + 1  # + contents

    @property
    def estimated_pages(self) -> int:
        return sum(p.estimated_pages for p in self.parts) + self.attachment_pages + 1

    @property
    def renders_in_background(self) -> bool:
        if self.stored is not None:
            return False
        max_new = getattr(settings, "PDF_PACK_INLINE_MAX_NEW_PAGES", PACK_INLINE_MAX_NEW_PAGES)
        max_pages = getattr(settings, "PDF_PACK_INLINE_MAX_PAGES", PACK_INLINE_MAX_PAGES)
        return self.new_pages > max_new or self.estimated_pages > max_pages


def pack_plan(*, meeting: Meeting, user, public: bool = False, with_annotations: bool = False,
              variant=render.DEFAULT_VARIANT) -> PackPlan:
    """Everything the pack for this viewer will hold, its key, and which parts are stored."""
    with_annotations = with_annotations and not public and user.is_authenticated
    content = _content(meeting, user, public=public, with_annotations=with_annotations)
    with translation.override("da"):
        lead_is_minutes = minutes_available(meeting, user, public=public)
        if lead_is_minutes:
            form = meeting.series.minutes_form
            lead_label = _("Referat")
            lead = PackPart(minutes_key(content, form=form, variant=variant), lead_label,
                            lambda: _lead_pages(content),
                            lambda: render.render_minutes(content, form=form, variant=variant))
        else:
            lead_label = _("Dagsorden")
            lead = PackPart(agenda_key(content, with_memos=False, variant=variant), lead_label,
                            lambda: _lead_pages(content),
                            lambda: render.render_agenda(content, with_memos=False,
                                                         variant=variant))
        memos = {}
        for entry in content.readable_items:
            if entry.item.has_memo:
                memos[entry.item.number] = PackPart(
                    memo_key(entry, meeting, variant=variant),
                    _("Indstilling til Punkt %(number)s") % {"number": entry.item.number},
                    partial(_memo_pages, entry), _memo_renderer(entry, meeting, variant))
        overview = None
        if with_annotations:
            overview = PackPart(overview_key(content, user, variant=variant),
                                _("Overblik: Noter og delte kommentarer"), lambda: 2,
                                lambda: render.render_overview(content, variant=variant))
    parts = [lead, *memos.values(), *([overview] if overview else [])]
    attachments = [[e.item.number, fingerprint.row(a, skip=fingerprint.SKIPPED_FIELDS)]
                   for e in content.readable_items for a in e.attachments]
    key = fingerprint.key("pack", variant=variant, public=public, lead=lead.key,
                          memos=[p.key for p in memos.values()],
                          overview=overview.key if overview else None,
                          attachments=attachments,
                          user=user.pk if with_annotations else None,
                          meeting=row(meeting), series=row(meeting.series))
    plan = PackPlan(meeting=meeting, content=content, user=user, public=public,
                    with_annotations=with_annotations, variant=variant, lead_label=lead_label,
                    lead=lead, memos=memos, overview=overview, key=key, parts=parts,
                    lead_is_minutes=lead_is_minutes,
                    attachment_pages=sum(a.page_count for e in content.readable_items
                                         for a in e.attachments),
                    stored=store.find(key))
    if plan.stored is None:  # which parts are there already
        stored = {d.key: d for d in
                  RenderedDocument.objects.filter(key__in=[p.key for p in parts])}
        for part in parts:
            part.stored = stored.get(part.key)
    # The pack and its parts show the meeting as it is now (prune_documents keeps them).
    store.mark_current([key, *(p.key for p in parts)], meeting)
    return plan


def _memo_renderer(entry, meeting, variant):
    return lambda: render.render_memo(entry, meeting, variant=variant)


def _lead_pages(content: MeetingContent) -> int:
    chars = 0
    for entry in content.readable_items:
        chars += 300 + len(html_to_text(entry.item.text))
        if entry.decision is not None:
            chars += len(html_to_text(entry.decision.text)) + sum(
                len(p.text) for p in entry.decision.points.all())
    return 1 + chars // CHARS_PER_PAGE


def _memo_pages(entry: ItemView) -> int:
    chars = sum(len(html_to_text(s.body)) + 200 for s in entry.memo_sections)
    return 1 + chars // CHARS_PER_PAGE


def pack_pdf(plan: PackPlan, *, progress: Callable[[int, int, str], None] | None = None
             ) -> RenderedDocument:
    """Render what is missing of the pack, merge it and store it. `progress(done, total,
    label)` is told before each step; the label is lazy, so that the caller words it in its
    reader's language while the documents themselves are made in Danish."""
    if plan.stored is not None:
        return plan.stored
    progress = progress or (lambda done, total, label: None)
    missing = plan.missing_parts
    total = len(missing) + 3
    done = 0
    with translation.override("da"):
        for part in missing:
            progress(done, total, format_lazy(gettext_lazy("Laver {part}"), part=part.label))
            part.stored = _part(part.key, plan.meeting, part.render)
            done += 1
        for part in plan.parts:
            if part.stored is None:
                part.stored = store.find(part.key)
        progress(done, total, gettext_lazy("Henter bilag"))
        spec = _pack_spec(plan)
        done += 1
        steps = iter(range(done, total))

        def pack_progress(label):
            progress(next(steps, total - 1), total, label)

        started = time.perf_counter()
        meeting = plan.meeting

        def contents(entries):  # stored too: an edit that moves no page finds it again
            return store.as_rendered(_part(
                toc_key(meeting, entries, variant=plan.variant), meeting,
                lambda: render.render_toc(meeting, entries, variant=plan.variant)))

        rendered = build_pack(spec, progress=pack_progress, render_toc=contents)
    document = store.save(plan.key, kind=Kind.PACK, meeting=meeting, rendered=rendered,
                          seconds=time.perf_counter() - started)
    progress(total, total, gettext_lazy("Færdig"))
    return document


def _pack_spec(plan: PackPlan) -> PackSpec:
    content = plan.content
    sections = []
    for entry in content.readable_items:
        memo = plan.memos.get(entry.item.number)
        attachments = [_attachment_source(entry.item.number, a) for a in entry.attachments]
        if memo is None and not attachments:
            continue
        sections.append(PackSection(
            number=entry.item.number, title=entry.item.title,
            memo=store.as_rendered(memo.stored) if memo else None, attachments=attachments))
    meeting = plan.meeting
    public = _(" (offentlig udgave)") if plan.public else ""
    return PackSpec(
        title=_("Samlet dokument: %(meeting)s") % {"meeting": render.meeting_label(meeting)}
        + public,
        author=render.series_author(meeting),
        lead_label=plan.lead_label,
        lead=store.as_rendered(plan.lead.stored),
        lead_items=[(e.item.number, e.item.title) for e in content.items],
        sections=sections,
        overview=store.as_rendered(plan.overview.stored) if plan.overview else None,
        archive=plan.variant == render.ARCHIVE,
        data_file=record_file(content, plan.variant, decisions=plan.lead_is_minutes),
    )


def _attachment_source(number: int, attachment) -> AttachmentSource:
    try:
        with attachment.file.open("rb") as handle:
            data, reason = handle.read(), ""
    except (OSError, ValueError) as exc:
        logger.warning("Attachment %s has no readable file: %s", attachment.pk, exc)
        data, reason = None, _("Filen findes ikke i lageret.")
    return AttachmentSource(item_number=number, position=attachment.position,
                            title=attachment.title, filename=attachment.original_filename,
                            data=data, missing_reason=reason)
