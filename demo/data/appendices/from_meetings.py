"""Appendices built from typed meeting data: a committee agenda (the layout of seed 000, lines
870–1105) and short minutes ("Referat", seed 000, lines 1–69). The documents app will render
these from the database later; the demo needs them as PDFs attached to other meetings now."""

from types import SimpleNamespace

from django.utils import formats, translation

from agendas.models import AgendaItem
from agendas.timeplan import Slot, time_plan
from demo.data.series import SERIES
from demo.data.types import Appendix, Block, Facts, Heading, Item, Meeting, SubItem


def committee_agenda(meeting: Meeting) -> Appendix:
    with translation.override("da"):
        slots = _slots(meeting)
        blocks: list[Block] = [
            Facts(rows=(
                ("Mødedato:", _long_date(meeting.date)),
                ("Mødetid:", f"Kl. {meeting.start_time:%H.%M} – {meeting.end_time:%H.%M}"),
                ("Mødested:", meeting.location),
            )),
            Heading("Dagsorden kort:", level=3),
            Facts(rows=tuple((f"{item.number}.", item.title) for item in meeting.items)),
        ]
        for item in meeting.items:
            blocks.append(Heading(f"{item.number}. {item.title}"))
            if item.text or not item.sub_items:
                blocks.append(Facts(rows=_facts(item, slots.get(("item", item.number)))))
            for sub in item.sub_items:
                blocks.append(Heading(f"{sub.letter}) {sub.title}", level=3))
                slot = slots.get(("sub", (item.number, sub.letter)))
                blocks.append(Facts(rows=_facts(sub, slot)))
        sender = (
            *SERIES[meeting.series]["fields"]["sender_block"].split("\n"),
            f"Direkte telefon: {meeting.contact_phone}",
            "",
            "Direkte e-mail:",
            meeting.contact_email,
            f"Sag: {meeting.case_number}",
            "Sagsbehandler:",
            meeting.contact_name,
        )
        return Appendix(title=meeting.title, kicker=("Emne:",), blocks=tuple(blocks),
                        sender=sender, date=_long_date(meeting.document_date))


def short_minutes(meeting: Meeting) -> Appendix:
    """The minutes as the seed prints them: "Punkt 3: … (10 min)", "1) …", then the text."""
    standard_minutes = {title: minutes for title, minutes, _placement
                        in SERIES[meeting.series]["standard_items"]}
    blocks: list[Block] = []
    for item in _in_treatment_order(meeting):
        minutes = item.minutes or standard_minutes.get(item.title)
        blocks.append(Heading(f"Punkt {item.number}: {item.title}"
                              + (f" ({minutes} min)" if minutes else ""), level=3))
        decision = item.decision
        if decision is None:
            continue
        for number, point in enumerate(decision.points, start=1):
            numbered = point.answers or len(decision.points) > 1
            blocks.append(f"{number}) {point.text}" if numbered else point.text)
        if decision.text:
            blocks.append(decision.text)
    return Appendix(title="Referat", blocks=tuple(blocks))


def _in_treatment_order(meeting: Meeting) -> list[Item]:
    by_number = {item.number: item for item in meeting.items}
    return [by_number[n] for n in meeting.treatment_order or sorted(by_number)]


class _SubItems(list):
    def all(self):
        return self


def _slots(meeting: Meeting) -> dict:
    """agendas.timeplan over the typed items, keyed by item number and (number, letter)."""
    plan = [
        SimpleNamespace(pk=item.number, position=position, minutes=item.minutes,
                        sub_items=_SubItems(SimpleNamespace(pk=(item.number, sub.letter),
                                                            minutes=sub.minutes)
                                            for sub in item.sub_items))
        for position, item in enumerate(_in_treatment_order(meeting), start=1)
    ]
    return time_plan(meeting.start_time, plan)


def _facts(entry: Item | SubItem, slot: Slot | None) -> tuple[tuple[str, str], ...]:
    rows = [("Baggrund/formål:", entry.text)]
    if entry.method:
        method = AgendaItem(method=entry.method, method_oral=entry.method_oral).method_label
        rows.append(("Metode:", str(method)))
    if entry.responsible:
        rows.append(("Ansvarlig:", entry.responsible))
    if slot:
        rows.append(("Tid:", f"{slot} ({slot.minutes} min.)"))
    attachments = getattr(entry, "attachments", ())
    if attachments:
        rows.append(("Bilag:", "\n".join(f"- {a.title}" for a in attachments)))
    return tuple(rows)


def _long_date(date) -> str:
    return formats.date_format(date, "j. F Y") if date else ""
