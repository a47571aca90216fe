"""Test data for the documents: a meeting with every element the PDFs print (factories only)."""

import datetime as dt

from agendas.models import Comment, MemoSection, Note, SubItem
from agendas.services import recommendation_points_set
from common.richtext import text_to_html
from decisions.models import Decision, DecisionPoint, FollowUp
from meetings.models import MemoTemplate
from tests.factories import make_attachment, make_item, make_meeting, unlocked

CLOSED_TEXT = "Fortrolig personsag om medarbejder Hemmelighedsen"
CLOSED_ATTACHMENT_TEXT = "Lukket bilag med fortrolige tal"

TEMPLATE_A = [
    {"title": "INDSTILLING", "kind": "recommendation"},
    {"title": "SAGSFREMSTILLING", "kind": "text"},
    {"title": "ØKONOMI", "kind": "text"},
    {"title": "BILAG", "kind": "attachments"},
]
TEMPLATE_B = [
    {"title": "Resume", "kind": "text"},
    {"title": "Beslutningspunkter", "kind": "recommendation"},
    {"title": "Hvilken værdi skabes for borgere og samfund?", "kind": "text"},
    {"title": "Bilag", "kind": "attachments"},
    {"title": "Tidligere beslutninger", "kind": "text"},
]


def memo_template(layout: str) -> MemoTemplate:
    return MemoTemplate.objects.create(
        name=f"Skabelon {layout} {MemoTemplate.objects.count() + 1}", layout=layout,
        sections=TEMPLATE_A if layout == "A" else TEMPLATE_B)


def fill_sections(item, bodies: dict[str, str]) -> None:
    for section in MemoSection.objects.filter(item=item):
        if section.title in bodies:
            section.body = text_to_html(bodies[section.title])
            section.save(update_fields=["body"])


def decide(item, points, text="", follow_ups=()):
    """points: [(text, outcome, [answered recommendation numbers])]."""
    decision = Decision.objects.create(item=item, text=text_to_html(text) if text else "")
    recommendations = {r.number: r for r in item.recommendations.all()}
    for number, (point_text, outcome, answers) in enumerate(points, start=1):
        point = DecisionPoint.objects.create(decision=decision, number=number, text=point_text,
                                             outcome=outcome)
        point.answers.set([recommendations[n] for n in answers])
    for owner_unit, description in follow_ups:
        FollowUp.objects.create(decision=decision, owner_unit=owner_unit,
                                description=description, opened_on=dt.date(2023, 9, 11))
    return decision


def rich_meeting(series, *, status, with_closed=True, date=dt.date(2023, 9, 11), **fields):
    """Items 1-5 in the order of the September 2023 seed, with a memo A (item 3) and a memo B
    (item 4), attachments, decisions and, when `with_closed`, a closed item 5 and a closed
    attachment on item 3."""
    fields.setdefault("location", "Rådmandens kontor, vær. 436")
    fields.setdefault("information", "Mads tager referat.")
    fields.setdefault("guests", "Kristian Dalsgaard\nMia Holgaard")
    meeting = make_meeting(series, date=date, start_time=dt.time(11, 0), end_time=dt.time(13, 0),
                           status=status, **fields)
    with unlocked(meeting):
        dagsorden = make_item(meeting, title="Dagsorden")
        referat = make_item(meeting, title="Referat")
        klima = make_item(meeting, title="Klimaplan i MSB", minutes=10,
                          memo_template=memo_template("A"),
                          sending_unit="Effekt – Mål, Økonomi og Boliger",
                          memo_date=dt.date(2023, 9, 6), case_officer="Thomas Artmann Kristensen",
                          case_officer_phone="2134 5348", case_officer_email="thak@aarhus.dk",
                          responsible="Michael Justesen")
        recommendation_points_set(item=klima, texts=[
            "at Rådmanden godkender og fremsender klimaplanen for MSB",
            "at Rådmanden godkender disponering af de afsatte 8 mio. kr."])
        fill_sections(klima, {"SAGSFREMSTILLING": "I 2008 vedtog byrådet ambitionen om et "
                                                  "CO2-neutralt bysamfund i 2030.",
                              "ØKONOMI": "Tiltagene finansieres af de 8 mio. kr."})
        make_attachment(klima, text="Okonomisk fordeling", pages=2,
                        title="Bilag 1 - Økonomisk fordeling")
        make_attachment(klima, text="Klimaplan", pages=3, title="Bilag 2 - Klimaplan")
        ukraine = make_item(meeting, title="Status på MSB’s ukraineindsatser – uge 10 2023",
                            minutes=20, memo_template=memo_template("B"),
                            sending_unit="Organisation og Ledelse", memo_date=dt.date(2023, 3, 9),
                            case_officer="Nille Bregenov-Pedersen",
                            case_officer_phone="41 85 99 86",
                            case_officer_email="nilbr@aarhus.dk",
                            guests="Mette Skov\nKarin Rasmussen")
        recommendation_points_set(item=ukraine, texts=[
            "At rådmanden og direktionen orienterer sig i status på MSB’s arbejde med ukrainske "
            "flygtninge per uge 10."])
        fill_sections(ukraine, {"Resume": "Hver 3. uge gives der på rådmandsmødet en status på "
                                          "MSB’s opgaver ifm. modtagelse af ukrainske flygtninge."})
        make_attachment(ukraine, text="Status ukraine", pages=1, title="Bilag 1 - status")
        items = [dagsorden, referat, klima, ukraine]
        if with_closed:
            closed = make_item(meeting, title="Personalesag", minutes=5, is_closed=True,
                               text=text_to_html(CLOSED_TEXT))
            make_attachment(closed, text=CLOSED_ATTACHMENT_TEXT, pages=1, title="Lukket notat")
            make_attachment(klima, text=CLOSED_ATTACHMENT_TEXT, pages=1,
                            title="Fortroligt regnestykke", is_closed=True)
            items.append(closed)
        bordrunde = make_item(meeting, title="Bordrunde", minutes=5)
        items.append(bordrunde)

        decide(dagsorden, [("Godkendt.", "godkendt", [])])
        decide(referat, [("Referatet blev godkendt.", "godkendt", [])])
        decide(klima, [("Rådmanden godkendte at klimaplanen sendes frem.", "godkendt", [1]),
                       ("Rådmanden godkendte disponeringen af midler.", "godkendt", [2])],
               text="Økonomichef Michael Justesen gav en indledende orientering.",
               follow_ups=[("MØB", "Projektlederen hos MØB følger op.")])
        decide(ukraine, [("Rådmanden tog orienteringen til efterretning.",
                          "taget_til_efterretning", [1])])
        if with_closed:
            decide(items[4], [(CLOSED_TEXT + " blev drøftet.", "droeftet", [])])
        decide(bordrunde, [("Intet til referat.", "droeftet", [])])
    return meeting


def committee_meeting(series, *, status, date=dt.date(2023, 9, 20)):
    meeting = make_meeting(series, date=date, start_time=dt.time(18, 15),
                           end_time=dt.time(19, 45), status=status,
                           title="Social- og Beskæftigelsesudvalgsmøde",
                           location="Rådhuset, lokale 398", document_date=dt.date(2023, 9, 7),
                           case_number="EMN-2023-009780", contact_name="Sofie Brøndt Jørgensen",
                           contact_phone="41 85 99 39", contact_email="sobrj@aarhus.dk")
    with unlocked(meeting):
        first = make_item(meeting, title="Godkendelse af dagsorden", minutes=3,
                          responsible="Eva Borchorst Mejnertz",
                          text=text_to_html("Dagsordenen for mødet i Social- og "
                                            "Beskæftigelsesudvalget godkendes."))
        make_attachment(first, text="Dagsorden", title="Dagsorden til mødet i Social- og "
                        "Beskæftigelsesudvalget den 20. september 2023")
        make_item(meeting, title="Input til ny aftale om udsatte boligområder", minutes=20,
                  responsible="Vibeke Jensen/BA", method="droeftelse", method_oral=True)
        orientering = make_item(meeting, title="Orienteringspunkter")
        SubItem.objects.create(item=orientering, letter="A", position=1, title="Evt. orientering",
                               text=text_to_html("Evt. orientering."), method="orientering",
                               method_oral=True, responsible="Vibeke Jensen/Lotte Henriksen",
                               minutes=5)
    return meeting


def annotate(meeting, *, reader, other):
    item = meeting.items.get(title="Klimaplan i MSB")
    Note.objects.create(item=item, author=reader, text="Spørg til fødevareområdet.")
    Note.objects.create(item=item, author=other, text="En andens private note.")
    Comment.objects.create(item=item, author=other, text="Husk bilag 2 side 3.")
