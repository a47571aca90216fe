"""Build the demo from demo.data through the project's services, so that every row has its
history. A meeting that already exists (same series, date and start) is left as it is."""

from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from agendas.attachments import attachment_add
from agendas.models import AgendaItem, MemoSection, SubItem
from agendas.services import (
    agenda_item_create,
    agenda_item_delete,
    agenda_items_reorder,
    meeting_create,
    recommendation_points_set,
)
from common.models import save_versioned
from common.richtext import text_to_html
from decisions.models import Decision, DecisionPoint, FollowUp
from demo.data import series as series_data
from demo.data import types as data
from demo.pdf import render_appendix
from meetings import services as lifecycle
from meetings.models import Meeting, MeetingSeries, MemoTemplate, StandardItem


@dataclass
class PdfCache:
    """Each appendix is rendered once per run, however many items attach it."""

    rendered: dict = field(default_factory=dict)

    def get(self, appendix: data.Appendix) -> bytes:
        if appendix not in self.rendered:
            self.rendered[appendix] = render_appendix(appendix)
        return self.rendered[appendix]


@transaction.atomic
def ensure_memo_templates() -> dict[str, MemoTemplate]:
    templates = {}
    for key, spec in series_data.MEMO_TEMPLATES.items():
        sections = [{"title": title, "kind": kind} for title, kind in spec["sections"]]
        templates[key], _created = MemoTemplate.objects.get_or_create(
            name=spec["name"], defaults={"layout": key, "sections": sections})
    return templates


@transaction.atomic
def ensure_series(*, users: dict, templates: dict) -> dict[str, MeetingSeries]:
    """Create the series that are missing, with their standard items, and make sure the demo
    users are in them (an existing series is otherwise left as it is)."""
    result = {}
    for key, spec in series_data.SERIES.items():
        template = templates[spec["memo_template"]] if spec["memo_template"] else None
        series, created = MeetingSeries.objects.get_or_create(
            name=spec["name"], defaults={**spec["fields"], "memo_template": template})
        if created:
            for position, (title, minutes, placement) in enumerate(spec["standard_items"], 1):
                StandardItem.objects.create(series=series, title=title, minutes=minutes,
                                            placement=placement, position=position)
        for relation, usernames in (("secretariat", spec["secretariat"]),
                                    ("members", spec["members"])):
            manager = getattr(series, relation)
            missing = [users[u] for u in usernames if not manager.filter(pk=users[u].pk).exists()]
            if missing:
                manager.add(*missing)
        result[key] = series
    return result


def build_meeting(spec: data.Meeting, *, series: MeetingSeries, users: dict, templates: dict,
                  pdfs: PdfCache) -> Meeting | None:
    """Build one meeting in one transaction; None when it already exists."""
    if _existing(series, spec):
        return None
    # Render outside the transaction: WeasyPrint takes seconds, the lock need not.
    files = {id(a): pdfs.get(a.content()) for item in spec.items for a in item.attachments}
    with transaction.atomic():
        meeting = meeting_create(
            series=series, date=spec.date, start_time=spec.start_time, end_time=spec.end_time,
            title=spec.title, location=spec.location, information=spec.information,
            guests="\n".join(spec.guests), minute_taker=users.get(spec.minute_taker),
            document_date=spec.document_date, case_number=spec.case_number,
            contact_name=spec.contact_name, contact_phone=spec.contact_phone,
            contact_email=spec.contact_email)
        items = _build_agenda(meeting, spec, templates=templates, files=files)
        _advance(meeting, spec, items=items, users=users)
    return meeting


def _existing(series, spec) -> bool:
    return Meeting.objects.filter(series=series, date=spec.date,
                                  start_time=spec.start_time).exists()


def _build_agenda(meeting, spec, *, templates, files) -> dict[int, AgendaItem]:
    """The items with the seed's numbers: the series' standard items take the typed content of
    the items with their titles; the others are added around them; unused ones are removed."""
    standard = {item.title: item for item in meeting.items.all()}
    closing = set(meeting.series.standard_items.filter(
        placement=StandardItem.Placement.CLOSING).values_list("title", flat=True))
    items = {}
    for typed in sorted(spec.items, key=lambda i: i.number):
        item = standard.pop(typed.title, None)
        if item is None:
            # Before the closing standard items, unless every one of them comes earlier.
            before_closing = any(other.title in closing and other.number > typed.number
                                 for other in spec.items)
            item = agenda_item_create(meeting=meeting, before_closing=before_closing,
                                      title=typed.title, **_item_fields(typed, templates))
        else:
            _update(item, _item_fields(typed, templates))
        items[typed.number] = item
    for unused in standard.values():
        agenda_item_delete(item=unused)
    numbers = dict(meeting.items.values_list("pk", "number"))
    wrong = [n for n, item in items.items() if numbers[item.pk] != n]
    if wrong:
        raise ImproperlyConfigured(f"Demo meeting {spec.date}: items {wrong} got other numbers.")
    for typed in spec.items:
        _fill_item(items[typed.number], typed, files=files)
    return items


def _item_fields(typed: data.Item, templates) -> dict:
    fields = {
        "text": text_to_html(typed.text), "guests": "\n".join(typed.guests),
        "responsible": typed.responsible, "method": typed.method,
        "method_oral": typed.method_oral,
    }
    if typed.minutes is not None:
        fields["minutes"] = typed.minutes
    if typed.memo:
        memo = typed.memo
        fields |= {
            "memo_template": templates[memo.template], "sending_unit": memo.sending_unit,
            "memo_date": memo.date, "memo_title": memo.title, "case_officer": memo.case_officer,
            "case_officer_phone": memo.phone, "case_officer_email": memo.email,
        }
    return fields


def _update(instance, fields: dict) -> None:
    changed = {k: v for k, v in fields.items() if getattr(instance, k) != v}
    if changed:
        save_versioned(instance, expected_version=instance.version, fields=changed)


def _fill_item(item: AgendaItem, typed: data.Item, *, files: dict) -> None:
    if typed.memo:
        sections = {s.title: s for s in item.memo_sections.all()}
        for title, text in typed.memo.sections:
            if title not in sections:
                raise ImproperlyConfigured(f"Memo section {title!r} is not in the template.")
            section: MemoSection = sections[title]
            _update(section, {"body": text_to_html(text)})
    if typed.recommendations:
        recommendation_points_set(item=item, texts=list(typed.recommendations))
    for position, sub in enumerate(typed.sub_items, start=1):
        sub_item = SubItem(item=item, position=position, letter=sub.letter, title=sub.title,
                           text=text_to_html(sub.text), method=sub.method,
                           method_oral=sub.method_oral, responsible=sub.responsible,
                           minutes=sub.minutes)
        sub_item.full_clean()
        sub_item.save()
    for attachment in typed.attachments:
        attachment_add(item=item, data=files[id(attachment)], filename=attachment.filename,
                       title=attachment.title, is_closed=attachment.is_closed)


def _advance(meeting: Meeting, spec: data.Meeting, *, items: dict, users: dict) -> None:
    """Take the meeting through its lifecycle as far as the seed shows it."""
    order = [s for s, _label in Meeting.Status.choices]
    target = order.index(spec.status)
    if target >= order.index(Meeting.Status.AGENDA_SENT):
        lifecycle.meeting_send_agenda(meeting=meeting)
        if spec.treatment_order:
            # After sending, so that the numbers stay and only the order of treatment changes.
            agenda_items_reorder(meeting=meeting,
                                 ordered_ids=[items[n].pk for n in spec.treatment_order])
    if target >= order.index(Meeting.Status.MINUTES_DRAFT):
        lifecycle.minutes_start(meeting=meeting)
        for typed in spec.items:
            if typed.decision:
                _record_decision(items[typed.number], typed.decision, opened_on=meeting.date)
    if target >= order.index(Meeting.Status.MINUTES_APPROVED):
        approved_in = (Meeting.objects.filter(series=meeting.series,
                                              date=spec.minutes_approved_at).first()
                       if spec.minutes_approved_at else None)
        lifecycle.minutes_approve(meeting=meeting, by=users["sekretaer"], at_meeting=approved_in)
    if target >= order.index(Meeting.Status.PUBLISHED):
        lifecycle.meeting_publish(meeting=meeting)


def _record_decision(item: AgendaItem, typed: data.Decision, *, opened_on) -> None:
    decision = Decision(item=item, text=text_to_html(typed.text),
                        numbering=Decision.Numbering.NUMBERED if typed.numbered
                        else Decision.Numbering.SINGLE)
    decision.full_clean()
    decision.save()
    recommendations = {r.number: r for r in item.recommendations.all()}
    for number, point in enumerate(typed.points, start=1):
        decision_point = DecisionPoint(decision=decision, number=number, text=point.text,
                                       outcome=point.outcome)
        decision_point.full_clean()
        decision_point.save()
        if point.answers:
            decision_point.answers.set([recommendations[n] for n in point.answers])
    for follow_up in typed.follow_ups:
        row = FollowUp(decision=decision, owner_unit=follow_up.owner_unit,
                       description=follow_up.description, opened_on=opened_on)
        row.full_clean()
        row.save()
