"""What the documents say, in the seeds' order (§1–§7 of the layout card), read back with pypdf.

Everything is rendered once for the module (module_db): one meeting like the September 2023
Rådmandsmøde and one committee meeting, seen by the secretariat.
"""

import pytest

from documents import services
from documents.pdf import store
from meetings.models import Meeting
from tests.documents.builders import annotate, committee_meeting, rich_meeting
from tests.documents.pdftext import missing_in_order, outline_titles, pdf_pages
from tests.factories import make_series, make_user

pytestmark = pytest.mark.django_db

SENDER = "SOCIALE FORHOLD OG BESKÆFTIGELSE\nFagligt Sekretariat\nAarhus Kommune"


@pytest.fixture(scope="module")
def pdfs(module_db):
    secretary = make_user("pdf-sekretaer", first_name="Mads", last_name="Sekretær")
    member = make_user("pdf-medlem", first_name="Mette", last_name="Medlem")
    series = make_series(name="Rådmandsmøder 2022-2025", secretariat=[secretary],
                         members=[member], sender_block=SENDER, addressee="Til Rådmandsmødet",
                         minutes_form="with_agenda")
    meeting = rich_meeting(series, status=Meeting.Status.MINUTES_APPROVED)
    annotate(meeting, reader=member, other=secretary)
    committee = make_series(name="Social- og Beskæftigelsesudvalget", layout="committee",
                            kind="udvalgsmoede", sender_block=SENDER, secretariat=[secretary])
    committee_meeting_ = committee_meeting(committee, status=Meeting.Status.AGENDA_SENT)
    klima = meeting.items.get(title="Klimaplan i MSB")
    ukraine = meeting.items.get(number=4)

    def read(document):
        return store.read(document)

    pack_plan = services.pack_plan(meeting=meeting, user=member, with_annotations=True)
    return {
        "agenda": read(services.agenda_pdf(meeting=meeting, user=secretary)),
        "minutes_with_agenda": read(services.minutes_pdf(meeting=meeting, user=secretary)),
        "minutes_short": read(services.minutes_pdf(meeting=meeting, user=secretary,
                                                   form="short")),
        "memo_a": read(services.memo_pdf(item=klima, user=secretary)),
        "memo_b": read(services.memo_pdf(item=ukraine, user=secretary)),
        "committee": read(services.agenda_pdf(meeting=committee_meeting_, user=secretary)),
        "pack": read(services.pack_pdf(pack_plan)),
    }


@pytest.fixture(scope="module")
def pages(pdfs):
    """Each document's pages as text, extracted once."""
    return {name: pdf_pages(data) for name, data in pdfs.items()}


def test_agenda_has_the_meeting_header_and_every_item_in_order(pages):
    text = "\n".join(pages["agenda"])
    assert missing_in_order(text, [
        "Rådmandsmøder 2022-2025 (Rådmandsmøde)",
        "11-09-2023 11:00 - 13:00",
        "Rådmandens kontor, vær. 436",
        "Information: Mads tager referat.",
        "Kristian Dalsgaard", "Mia Holgaard",
        "Punkt 1: Dagsorden", ".",
        "Punkt 2: Referat", ".",
        "Punkt 3: Klimaplan i MSB (10 min)",
        "Tid: 11.00 – 11.10", "Ansvarlig: Michael Justesen",
        "INDSTILLING", "Det indstilles,",
        "1) at Rådmanden godkender og fremsender klimaplanen for MSB",
        "SAGSFREMSTILLING", "I 2008 vedtog byrådet", "ØKONOMI", "BILAG",
        "Bilag 1: Bilag 1 - Økonomisk fordeling", "Bilag 2: Bilag 2 - Klimaplan",
        "Punkt 4: Status på MSB’s ukraineindsatser – uge 10 2023 (20 min)",
        "Følgende gæster deltager under punktet:", "Mette Skov", "Karin Rasmussen",
        "Punkt 5: Personalesag (5 min)", "Lukket punkt",
        "Punkt 6: Bordrunde (5 min)",
    ]) == []
    assert "Beslutning for Punkt" not in text


def test_agenda_and_minutes_on_their_own_number_their_pages(pages):
    for name in ("agenda", "minutes_with_agenda", "minutes_short"):
        for number, page in enumerate(pages[name], start=1):
            assert f"side {number} af {len(pages[name])}" in page, name


def test_minutes_with_agenda_follow_each_item_with_its_decision(pages):
    assert missing_in_order("\n".join(pages["minutes_with_agenda"]), [
        "Referat",
        "Punkt 1: Dagsorden", ".", "Beslutning for Punkt 1: Dagsorden", "Godkendt.",
        "Punkt 2: Referat", "Beslutning for Punkt 2: Referat", "Referatet blev godkendt.",
        "Punkt 3: Klimaplan i MSB (10 min)", "Beslutning for Punkt 3: Klimaplan i MSB",
        "Ad 1) Rådmanden godkendte at klimaplanen sendes frem.",
        "Ad 2) Rådmanden godkendte disponeringen af midler.",
        "Økonomichef Michael Justesen gav en indledende orientering.",
        "MØB: Projektlederen hos MØB følger op.",
        "Beslutning for Punkt 4: Status på MSB’s ukraineindsatser – uge 10 2023",
        "Ad 1) Rådmanden tog orienteringen til efterretning.",
        "Beslutning for Punkt 6: Bordrunde", "Intet til referat.",
    ]) == []


def test_short_minutes_put_numbered_points_before_the_discussion(pages):
    text = "\n".join(pages["minutes_short"])
    assert missing_in_order(text, [
        "Referat",
        "Punkt 1: Dagsorden", "Godkendt.",
        "Punkt 2: Referat", "Referatet blev godkendt.",
        "Punkt 3: Klimaplan i MSB (10 min)",
        "1) Rådmanden godkendte at klimaplanen sendes frem.",
        "2) Rådmanden godkendte disponeringen af midler.",
        "Økonomichef Michael Justesen gav en indledende orientering.",
        "Punkt 4: Status på MSB’s ukraineindsatser – uge 10 2023 (20 min)",
        "1) Rådmanden tog orienteringen til efterretning.",
        "Punkt 6: Bordrunde (5 min)", "Intet til referat.",
    ]) == []
    assert "Beslutning for Punkt" not in text
    assert "Ad 1)" not in text


def test_memo_template_a_has_the_department_layout(pages):
    document = pages["memo_a"]
    assert missing_in_order("\n".join(document), [
        "Indstilling", "6/9/2023 – Tidsforbrug: 10 min",
        "Klimaplan i MSB", "Åben",
        "INDSTILLING", "Det indstilles,",
        "1) at Rådmanden godkender og fremsender klimaplanen for MSB",
        "2) at Rådmanden godkender disponering af de afsatte 8 mio. kr.",
        "SAGSFREMSTILLING", "I 2008 vedtog byrådet ambitionen om et CO2-neutralt bysamfund",
        "ØKONOMI", "Tiltagene finansieres af de 8 mio. kr.",
        "BILAG", "Bilag 1: Bilag 1 - Økonomisk fordeling", "Bilag 2: Bilag 2 - Klimaplan",
        "Effekt – Mål, Økonomi og Boliger", "6/9/2023",
        "Sagsbehandler: Thomas Artmann Kristensen", "Tlf.: 2134 5348",
        "E-post: thak@aarhus.dk",
    ]) == []
    assert f"side 1 af {len(document)}" in document[0]


def test_memo_template_b_numbers_its_sections_and_shows_lix(pages):
    text = "\n".join(pages["memo_b"])
    assert "side 1 af 1" in text
    assert missing_in_order(text, [
        "Indstilling", "Status på MSB’s ukraineindsatser – uge 10 2023",
        "Til Rådmandsmødet", "Fra Organisation og Ledelse", "Dato 9. marts 2023",
        "1. Resume", "Hver 3. uge gives der på rådmandsmødet en status",
        "2. Beslutningspunkter", "Det indstilles:",
        "1) At rådmanden og direktionen orienterer sig i status",
        "3. Hvilken værdi skabes for borgere og samfund?", "-",
        "Bilag", "Bilag 1: Bilag 1 - status",
        "Tidligere beslutninger", "-",
        "Lix:",
        "Organisation og Ledelse", "Sagsbehandler: Nille Bregenov-Pedersen",
        "Tlf.: 41 85 99 86", "E-post: nilbr@aarhus.dk",
    ]) == []
    assert "4. Bilag" not in text
    assert "5. Tidligere beslutninger" not in text


def test_committee_agenda_has_the_committee_layout_and_time_slots(pages):
    document = pages["committee"]
    assert missing_in_order("\n".join(document), [
        "Emne: Social- og Beskæftigelsesudvalgsmøde",
        "Mødedato: 20. september 2023", "Mødetid: Kl. 18.15 – 19.45",
        "Mødested: Rådhuset, lokale 398",
        "Dagsorden kort:", "1. Godkendelse af dagsorden",
        "2. Input til ny aftale om udsatte boligområder", "3. Orienteringspunkter",
        "1. Godkendelse af dagsorden",
        "Baggrund/formål:",
        "Dagsordenen for mødet i Social- og Beskæftigelsesudvalget godkendes.",
        "Ansvarlig: Eva Borchorst Mejnertz", "Tid: 18.15 – 18.18 (3 min.)",
        "Bilag:",
        "Dagsorden til mødet i Social- og Beskæftigelsesudvalget den 20. september 2023",
        "2. Input til ny aftale om udsatte boligområder",
        "Metode: Mundtlig drøftelse", "Ansvarlig: Vibeke Jensen/BA",
        "Tid: 18.18 – 18.38 (20 min.)",
        "3. Orienteringspunkter", "A) Evt. orientering", "Metode: Mundtlig orientering",
        "Ansvarlig: Vibeke Jensen/Lotte Henriksen", "Tid: 18.38 – 18.43 (5 min.)",
    ]) == []
    text = "\n".join(document)
    for line in ("SOCIALE FORHOLD OG BESKÆFTIGELSE", "Sag: EMN-2023-009780",
                 "Sagsbehandler:", "Sofie Brøndt Jørgensen", "Direkte telefon: 41 85 99 39"):
        assert line in text
    last = f"Side {len(document)} af {len(document)}"
    assert missing_in_order(document[-1], ["7. september 2023", last]) == []


def test_pack_has_contents_lead_memos_stamped_attachments_and_overview(pages):
    document = pages["pack"]
    text = "\n".join(document)
    assert missing_in_order(text, [
        "Indhold", "Referat", "Punkt 3: Klimaplan i MSB", "Indstilling",
        "Bilag 1: Bilag 1 - Økonomisk fordeling",
        # the minutes, then item 3's memo and attachments
        "Beslutning for Punkt 1: Dagsorden", "Godkendt.",
        "Beslutning for Punkt 3: Klimaplan i MSB",
        "Klimaplan i MSB", "INDSTILLING", "SAGSFREMSTILLING", "Punkt 3: Indstilling",
        "Punkt 3, Bilag 1: Bilag 1 - Økonomisk fordeling",
        "Punkt 3, Bilag 1: Bilag 1 - Økonomisk fordeling",
        "Punkt 3, Bilag 2: Bilag 2 - Klimaplan",
        "Punkt 3, Bilag 3: Fortroligt regnestykke",
        "1. Resume", "2. Beslutningspunkter", "Punkt 4: Indstilling",
        "Punkt 4, Bilag 1: Bilag 1 - status",
        "Punkt 5, Bilag 1: Lukket notat",
        "Overblik: Noter", "Punkt 3: Klimaplan i MSB", "Spørg til fødevareområdet.",
        "Overblik: Delte kommentarer", "Husk bilag 2 side 3.",
    ]) == []
    assert "En andens private note." not in text
    for number, page in enumerate(document, start=1):
        assert page.rstrip().endswith(f"side {number} af {len(document)}")
    # Every attachment page of item 3 carries its stamp: 2 + 3 + 1 pages.
    assert sum("Punkt 3, Bilag" in page for page in document) == 6


def test_pack_contents_point_at_the_right_pages(pages):
    document = pages["pack"]
    contents = document[0]
    for label, marker in (
            ("Bilag 2: Bilag 2 - Klimaplan", "Punkt 3, Bilag 2: Bilag 2 - Klimaplan"),
            ("Overblik: Noter", "Overblik: Noter")):
        line = next(line for line in contents.splitlines() if line.startswith(label))
        page_number = int(line.rsplit(" ", 1)[-1])
        assert marker in document[page_number - 1], label


def test_pack_bookmarks_name_each_item_and_bilag(pdfs):
    titles = outline_titles(pdfs["pack"])
    for title in ("Indhold", "Referat", "Punkt 3: Klimaplan i MSB", "Indstilling",
                  "Bilag 1: Bilag 1 - Økonomisk fordeling", "Bilag 2: Bilag 2 - Klimaplan",
                  "Punkt 4: Status på MSB’s ukraineindsatser – uge 10 2023",
                  "Bilag 1: Bilag 1 - status", "Overblik: Noter", "Overblik: Delte kommentarer"):
        assert title in titles


def test_documents_carry_title_author_and_language(pdfs):
    from io import BytesIO

    import pikepdf
    for name, title, author in (
            ("agenda", "Dagsorden: Rådmandsmøder 2022-2025 11-09-2023",
             "SOCIALE FORHOLD OG BESKÆFTIGELSE"),
            ("memo_a", "Indstilling: Klimaplan i MSB", "Effekt – Mål, Økonomi og Boliger"),
            ("pack", "Samlet dokument: Rådmandsmøder 2022-2025 11-09-2023",
             "SOCIALE FORHOLD OG BESKÆFTIGELSE")):
        with pikepdf.open(BytesIO(pdfs[name])) as pdf:
            assert str(pdf.docinfo["/Title"]) == title, name
            assert str(pdf.docinfo["/Author"]) == author, name
            assert str(pdf.Root.Lang) == "da", name


def test_agenda_is_tagged_for_screen_readers_with_embedded_free_fonts(pdfs):
    from io import BytesIO

    import pikepdf
    with pikepdf.open(BytesIO(pdfs["agenda"])) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.MarkInfo.Marked
        fonts = {str(font.get("/BaseFont")) for page in pdf.pages
                 for font in page.Resources.Font.values()}
    assert fonts and all("Carlito" in name for name in fonts)

