"""An object's document as it stood at a moment, rebuilt from the history rows: the row
itself and, for an item, its sub-items, memo sections and recommendation points; for a
decision, its points. A memo is one document (its sections in order, the points in the
section that lists them), not a pile of unrelated rows, and so is a decision's list of points.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from agendas.services import ITEM_FIELDS, MEMO_HEADER_FIELDS
from common.history_rows import newest_rows
from common.richtext import html_to_text
from history.diff import Field
from meetings.models import MemoTemplate

RICH = {"text", "body", "information", "description", "guests", "sender_block"}

MEETING_FIELDS = ["title", "date", "start_time", "end_time", "location", "information",
                  "guests", "minute_taker", "status", "agenda_sent_at", "minutes_approved_at",
                  "published_at", "document_date", "case_number", "contact_name",
                  "contact_phone", "contact_email"]
DECISION_FIELDS = ["text", "numbering", "moved_to"]
FOLLOW_UP_FIELDS = ["description", "owner_user", "owner_unit", "due_date", "status",
                    "opened_on", "closed_on", "agenda_item"]
ATTACHMENT_FIELDS = ["title", "original_filename", "is_closed", "position", "page_count",
                     "size", "sha256"]


def latest(kind, moment, *, strict: bool, **filters):
    """The rows of `kind` matching `filters` as they stood at `moment` (strict: just before
    it), the ones deleted by then left out (common/history_rows.py)."""
    history = kind.history.objects.filter(**filters)
    history = history.filter(history_date__lt=moment) if strict else history.filter(
        history_date__lte=moment)
    return newest_rows(history)


def document(subject, pk: int, moment, *, strict: bool = False) -> list[Field]:
    """The fields of the subject's document at `moment` (empty: it did not exist yet)."""
    from history.versions import KINDS

    main = latest(KINDS[subject.main], moment, strict=strict, id=pk)
    if not main:
        return []
    row = main[0]
    if subject.name == "meeting":
        return fields_of(row, MEETING_FIELDS)
    if subject.name == "follow_up":
        return fields_of(row, FOLLOW_UP_FIELDS)
    if subject.name == "attachment":
        return fields_of(row, ATTACHMENT_FIELDS)
    if subject.name == "decision":
        points = sorted(latest(KINDS["p"], moment, strict=strict, decision_id=pk),
                        key=lambda p: p.number)
        lines = [f"{p.number}) {p.text} [{p.get_outcome_display()}]" for p in points]
        return [*fields_of(row, DECISION_FIELDS),
                Field(_("Beslutningspunkter"), "\n".join(lines), long=True)]
    # An item: its own fields, its sub-items, then its memo as one text.
    subs = sorted(latest(KINDS["u"], moment, strict=strict, item_id=pk),
                  key=lambda s: s.position)
    sections = sorted(latest(KINDS["s"], moment, strict=strict, item_id=pk),
                      key=lambda s: s.position)
    points = sorted(latest(KINDS["r"], moment, strict=strict, item_id=pk),
                    key=lambda p: p.number)
    result = fields_of(row, ITEM_FIELDS + MEMO_HEADER_FIELDS)
    for sub in subs:
        result.append(Field(_("Underpunkt %(letter)s") % {"letter": sub.letter},
                            "\n".join(filter(None, [sub.title, html_to_text(sub.text)])),
                            long=True))
    result.append(Field(_("Indstilling"), memo_text(sections, points), long=True))
    return result


def memo_text(sections, points) -> str:
    point_lines = [f"{p.number}) {p.text}" for p in points]
    blocks, listed = [], False
    for section in sections:
        lines = [section.title]
        if section.kind == MemoTemplate.SectionKind.RECOMMENDATION and point_lines:
            lines += point_lines
            listed = True
        body = html_to_text(section.body)
        if body:
            lines.append(body)
        blocks.append("\n".join(lines))
    if point_lines and not listed:
        blocks.append("\n".join([_("Det indstilles,"), *point_lines]))
    return "\n\n".join(blocks)


def fields_of(row, names: list[str]) -> list[Field]:
    model = row.instance_type
    result = []
    for name in names:
        model_field = model._meta.get_field(name)
        value = getattr(row, model_field.attname)
        result.append(Field(str(model_field.verbose_name).capitalize(),
                            _shown(row, model_field, value), long=name in RICH))
    return result


def _shown(row, model_field, value) -> str:
    if value is None or value == "":
        return ""
    if model_field.is_relation:
        related = model_field.related_model._default_manager.filter(pk=value).first()
        if related is None:
            return f"#{value}"
        if hasattr(related, "get_full_name"):
            return related.get_full_name() or related.get_username()
        return str(related)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if model_field.name in RICH:
        return html_to_text(value)
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.localtime(value))
    if hasattr(value, "isoformat"):
        return formats.localize(value)
    return str(value)
