"""For every demo meeting, the rendered PDFs hold the seeds' lines in the seeds' order.

load_demo builds the meetings of the two 2023 MSB packs (../shared/seeds); the lines below
are copied from the seeds (004: 6 and 13 March 2023; 000: 4, 11 and 20 September 2023).
Where the product numbers differently from the seed, a comment says why. Everything is
rendered once for the module.
"""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from agendas.models import Attachment
from documents import services
from documents.pdf import store
from meetings.models import Meeting
from tests.documents.pdftext import missing_in_order, pdf_pages

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DATES = ("2023-03-06", "2023-03-13", "2023-09-04", "2023-09-11", "2023-09-20")
# The seeds' minutes: 004 has the agenda with decisions (6 March) and the short form (13
# March); 000 has the short form (4 and 11 September).
MINUTES_FORM = {"2023-03-06": "with_agenda", "2023-03-13": "short", "2023-09-04": "short",
                "2023-09-11": "short"}


@pytest.fixture(scope="module")
def demo(module_db):
    call_command("load_demo", stdout=io.StringIO())
    secretary = User.objects.get(username="sekretaer")
    documents = {}
    for date in DATES:
        meeting = Meeting.objects.select_related("series").get(date=date)
        docs = documents[date] = {
            "agenda": services.agenda_pdf(meeting=meeting, user=secretary),
            "pack": services.pack_pdf(services.pack_plan(meeting=meeting, user=secretary)),
        }
        if date in MINUTES_FORM:
            docs["minutes"] = services.minutes_pdf(meeting=meeting, user=secretary,
                                                   form=MINUTES_FORM[date])
        for item in meeting.items.filter(memo_template__isnull=False):
            docs[f"memo {item.number}"] = services.memo_pdf(item=item, user=secretary)
    return {date: {name: pdf_pages(store.read(doc)) for name, doc in docs.items()}
            for date, docs in documents.items()}


def text(demo, date, name) -> str:
    return "\n".join(demo[date][name])


def test_6_march_agenda_with_decisions_as_in_seed_004(demo):
    assert missing_in_order(text(demo, "2023-03-06", "minutes"), [
        "Rådmandsmøder 2022-2025 (Rådmandsmøde)",
        "06-03-2023 11:00 - 13:00",
        "Rådmandens kontor, vær. 436",
        "Mads tager referat.",
        "Temadrøftelse afvikles i lokale 509 med følgende gæster:",
        "Kristian Dalsgaard", "Mia Holgaard", "Jan Pedersen", "Karin Rasmussen",
        "Mikael Carlsen", "Natascha Mannemar", "Mette Thorsgaard Erhardsen",
        "Punkt 1: Dagsorden", ".",
        "Beslutning for Punkt 1: Dagsorden", "Godkendt.",
        "Punkt 2: Referat", ".",
        "Beslutning for Punkt 2: Referat", "Referatet blev godkendt.",
        "Punkt 3: Orientering fra Magistraten", ".",
        "Beslutning for Punkt 3: Orientering fra Magistraten",
        "Aktuelle områder fra magistraten blev drøftet, herunder:",
        "Antallet af fritidsjobs - kan vi gøre mere her?",
        "MBU har uge 40 som medborgerskabsuge, kan det være relevant at koble MSB på?",
        "Punkt 4: Orientering om udvalgsmødet", ".",
        "Beslutning for Punkt 4: Orientering om udvalgsmødet", "Intet til referat.",
        "Punkt 5: Bordrunde", ".",
        "Beslutning for Punkt 5: Bordrunde", "Punktet blev ikke behandlet denne gang.",
        # Item 7 is treated before item 6 and keeps its number.
        "Punkt 7: Opfølgning på mål og økonomi regnskab 2022",
        "Beslutning for Punkt 7: Opfølgning på mål og økonomi regnskab 2022",
        "Materialet blev drøftet.",
        "Rådmandskredsen brugte tid på at drøfte gæld og opsparing på overordnet niveau.",
        "Punkt 6: Temadrøftelse: Strategiske indsatsområder vedr. rekruttering og "
        "fastholdelse i MSB",
        "Indstillingen tages som det sidste punkt på mødet, der er afsat 45 min til drøftelsen.",
        "Følgende gæster deltager under punktet:",
        "Kristian Dalsgaard", "Mette Thorsgaard Erhardsen",
        "Beslutning for Punkt 6: Temadrøftelse: Strategiske indsatsområder vedr. rekruttering "
        "og fastholdelse i MSB",
        "Ad 1) Den aktuelle status på rekrutterings- og fastholdelsestiltag blev drøftet.",
        "Potentialet ved bedre understøttelse af 1. linjelederne",
        "Ad 2) og Ad 3) Vi har eksisterende partnerskaber med bl.a. VIA",
        "Det aftales, at Organisation og Ledelse følger op på ovenstående og melder tilbage "
        "til rådmandskredsen.",
    ]) == []


def test_13_march_short_minutes_and_memo_b_as_in_seed_004(demo):
    assert missing_in_order(text(demo, "2023-03-13", "minutes"), [
        "Referat",
        "Punkt 1: Dagsorden", "Godkendt.",
        "Punkt 2: Referat", "Referatet blev godkendt uden bemærkninger.",
        "Punkt 3: Ukrainestatus uge 10",
        "Mette Skov gav en status, herunder aktuelle antal af ukrainere, boligsituationen,",
        "Det aftales, at frem mod sommerferien gives kun en status hver 5. uge",
        "Punkt 4: Orientering fra Magistraten",
        "Der blev givet en orientering om aktuelle punkter. Der var ikke bemærkninger til "
        "referat.",
        "Punkt 5: Bordrunde",
        "Der blev givet en aktuel status fra de seks driftsområder samt stabene.",
    ]) == []
    memo = demo["2023-03-13"]["memo 3"]
    assert f"side 1 af {len(memo)}" in memo[0]
    assert missing_in_order("\n".join(memo), [
        "Indstilling",
        "Status på MSB’s ukraineindsatser – uge 10 2023",
        # The routing block stands under the title here (the seed has it in a side column).
        "Til Rådmandsmødet", "Fra Organisation og Ledelse", "Dato 9. marts 2023",
        "1. Resume", "Hver 3. uge gives der på rådmandsmødet en status på",
        "2. Beslutningspunkter", "Det indstilles:",
        "1) At rådmanden og direktionen orienterer sig i status på MSB’s arbejde med "
        "ukrainske flygtninge per uge 10.",
        "3. Hvorfor fremsendes indstillingen?",
        "Rådmanden og Direktionen har aftalt, at der hver tredje uge",
        "4. Hvilken værdi skabes for borgere og samfund?", "-",
        "5. Hvad igangsættes?", "-",
        "6. Hvem gør det og hvordan?", "-",
        "7. Hvilke ressourcer kræves?", "-",
        "8. Hvad er den videre proces og hvordan følges op?",
        "De involverede medarbejdere i MSB arbejder videre med modtagelsen",
        "Bilag", "Bilag 1:", "Status på MSB’s arbejde ift. ukrainske flygtninge i Aarhus uge 10",
        "Tidligere beslutninger", "-",
        "Lix:",
        "Organisation og Ledelse", "Sagsbehandler: Nille Bregenov-Pedersen",
        "Tlf.: 41 85 99 86", "E-post: nilbr@aarhus.dk",
    ]) == []


def test_13_march_pack_stamps_the_status_appendix(demo):
    pages = demo["2023-03-13"]["pack"]
    stamped = [p for p in pages if "Punkt 3, Bilag 1:" in p]
    assert len(stamped) >= 2  # every page of the appendix
    assert missing_in_order("\n".join(pages), [
        "Punkt 3: Indstilling", "Bilag 1", "Til Rådmandsmøde", "Status på MSB’s arbejde ift.",
        "Baggrund", "Punkt 3, Bilag 1:"]) == []


def test_4_september_short_minutes_as_in_seed_000(demo):
    assert missing_in_order(text(demo, "2023-09-04", "minutes"), [
        "Referat",
        "Punkt 1: Dagsorden", "Godkendt.",
        "Punkt 2: Referat", "Godkendt.",
        "Punkt 3: Orientering om resultater fra senioranalyse 2023 (10 min)",
        "1) Rådmanden tog orienteringen til efterretning.",
        "Stabschef Jeanette Hoppe orienterede om resultaterne af den nye senioranalyse",
        "Punkt 4: Status på udrulning af relationel velfærd (20 min)",
        "1) Rådmanden tog statussen til efterretning.",
        "Driftschef Ruth Lehm og afdelingsleder Mette Lybeck gav en status",
        "At det går for stærkt.",
        "Afspecialisering:",
        "Ledelse af teams på tværs af fagligheder og organisationer.",
        "Uklarhed om sagsgange.",
        "FAS følger op.",
        "Punkt 5: Orientering fra Magistraten (5 min)",
        "Rådmanden orienterede om aktuelle emner fra magistratsmødet.",
        "Punkt 6: Orientering om udvalgsmødet (5 min)",
        "Rådmanden orienterede om, at han deltager virtuelt på næste udvalgsmøde.",
        "Punkt 7: Bordrunde (5 min)", "Intet at bemærke.",
    ]) == []


def test_11_september_short_minutes_as_in_seed_000(demo):
    assert missing_in_order(text(demo, "2023-09-11", "minutes"), [
        "Referat",
        "Punkt 1: Dagsorden", "Godkendt",
        "Punkt 2: Referat", "Godkendt",
        "Punkt 3: Klimaplan i MSB",
        "1) Rådmanden godkendte at klimaplanen sendes frem til Social- og "
        "Beskæftigelsesudvalget med nogle præciseringer på bl.a. fødevareområdet.",
        "2) Rådmanden godkendte disponeringen af midler, under en forudsætning af, at MØB",
        "Økonomichef Michael Justesen gav en indledende orientering.",
        "Stabschef Jeanette Hoppe efterspurgte et tydeligt handlingsanvisende katalog",
        "Projektlederen hos MØB følger op.",
        # The seed's minutes call item 4 by its memo's subject; the demo item keeps the
        # memo's title ("Nye tiltag på integrationsområdet pba ny organisering").
        "Punkt 4:",
        "Driftschef Karin Rasmussen gav en indflyvning til materialet.",
        "Punkt 5: Orientering fra Magistraten (5 min)",
        "Bemærk at møderne i Magistraten fra 2024 flyttes til tirsdag",
        "Punkt 6: Orientering om udvalgsmødet (5 min)",
        "Den kommende dagsorden til udvalget blev drøftet.",
        "Punkt 7: Bordrunde (5 min)", "Intet til referat.",
    ]) == []


def test_11_september_memos_have_template_a_as_in_seed_000(demo):
    klima = demo["2023-09-11"]["memo 3"]
    assert f"side 1 af {len(klima)}" in klima[0]
    assert missing_in_order("\n".join(klima), [
        "Indstilling", "6/9/2023 – Tidsforbrug: 10 min",
        "Klimaplan i MSB", "Åben",
        "INDSTILLING", "Det indstilles,",
        "1) at Rådmanden godkender og fremsender klimaplanen for MSB",
        "2) at Rådmanden godkender disponering af de afsatte 8",
        "SAGSFREMSTILLING", "I 2008 vedtog byrådet ambitionen om et CO2-neutralt bysamfund",
        "HANDLEMULIGHEDER/LØSNINGER",
        "ØKONOMI", "Tiltagene finansieres af de 8 mio. kr.",
        "KOMMUNIKATION", "VIDERE PROCES", "KOORDINERET MED",
        "BILAG", "Bilag 1: Økonomisk fordeling af klimaplanens 8 mio. kr.",
        "Bilag 2: Forslag til klimaplan for MSB",
        "Effekt – Mål, Økonomi og Boliger", "6/9/2023",
        "Sagsbehandler: Thomas Artmann Kristensen",
        "Tlf.: 2134 5348", "E-post: thak@aarhus.dk",
    ]) == []
    integration = "\n".join(demo["2023-09-11"]["memo 4"])
    assert missing_in_order(integration, [
        "Nye tiltag på integrationsområdet pba ny organisering",
        "INDSTILLING", "Det indstilles,",
        "1) at rådmandsmødet drøfter den nye organisering på integrationsområdet",
        "SAGSFREMSTILLING", "HANDLEMULIGHEDER/LØSNINGER", "ØKONOMI",
        "KOMMUNIKATION", "-", "VIDERE PROCES", "KOORDINERET MED",
        "BILAG", "Bilag 1: Status på integrationsområdet",
    ]) == []


def test_11_september_pack_stamps_every_bilag_page_and_numbers_the_pack(demo):
    pages = demo["2023-09-11"]["pack"]
    assert missing_in_order("\n".join(pages), [
        "Indhold",
        "Referat", "Punkt 1: Dagsorden", "Beslutning for Punkt 1: Dagsorden",
        "Punkt 2, Bilag 1: Referat fra rådmandsmødet den 4. september 2023",
        "Klimaplan i MSB", "INDSTILLING", "Punkt 3: Indstilling",
        # The seed's memo was uploaded as Bilag 1 of its item, so its appendices are
        # "Punkt 3, Bilag 2: Bilag 1 -" and "Punkt 3, Bilag 3: Bilag 2 -"; here the memo is a
        # document of its own and the appendices keep their numbers.
        "Punkt 3, Bilag 1: Økonomisk fordeling af klimaplanens 8 mio. kr.",
        "Punkt 3, Bilag 2: Forslag til klimaplan for MSB",
        "Nye tiltag på integrationsområdet pba ny organisering", "Punkt 4: Indstilling",
        "Punkt 4, Bilag 1: Status på integrationsområdet",
        "Emne:", "Social- og Beskæftigelsesudvalgsmøde",
        "Punkt 6, Bilag 1: Dagsorden til mødet i Social- og Beskæftigelsesudvalget den 20. "
        "september 2023.docx",
    ]) == []
    for number, page in enumerate(pages, start=1):
        assert f"side {number} af {len(pages)}" in page
    for attachment in Attachment.objects.filter(item__meeting__date="2023-09-11"):
        stamp = f"Punkt {attachment.item.number}, Bilag {attachment.position}: {attachment.title}"
        assert sum(stamp in page for page in pages) == attachment.page_count, stamp


def test_20_september_committee_agenda_as_in_seed_000(demo):
    pages = demo["2023-09-20"]["agenda"]
    assert missing_in_order("\n".join(pages), [
        "Emne: Social- og Beskæftigelsesudvalgsmøde",
        "Mødedato: 20. september 2023", "Mødetid: Kl. 18.15 – 19.45",
        "Mødested: Rådhuset, lokale 398",
        "Dagsorden kort:",
        "1. Godkendelse af dagsorden",
        "2. Referat fra udvalgets møde den 6. september 2023",
        "3. Input til ny aftale om udsatte boligområder",
        "4. Klimaplan i Sociale Forhold og Beskæftigelse",
        "5. Opfølgning på fællesmøde med Psykiatri- og Socialudvalget - henvendelse",
        "6. Fleksibel mødedag den 11. december 2023",
        "7. Orienteringspunkter", "8. Skriftlige orienteringer",
        "9. Kurser og konferencer samt sager på vej til byrådet", "10. Evt.",
        "1. Godkendelse af dagsorden",
        "Baggrund/formål:",
        "Dagsordenen for mødet i Social- og Beskæftigelsesudvalget godkendes.",
        "Ansvarlig: Eva Borchorst Mejnertz", "Tid: 18.15 – 18.18 (3 min.)",
        "Bilag:", "Dagsorden til mødet i Social- og Beskæftigelsesudvalget den 20.",
        "2. Referat fra udvalgets møde den 6. september 2023",
        "Tid: 18.18 – 18.20 (2 min.)",
        "3. Input til ny aftale om udsatte boligområder",
        "Metode: Mundtlig drøftelse", "Ansvarlig: Vibeke Jensen/BA",
        "Tid: 18.20 – 18.40 (20 min.)",
        "4. Klimaplan i Sociale Forhold og Beskæftigelse",
        "Metode: Mundtlig orientering og drøftelse", "Ansvarlig: Michael Justesen",
        "Tid: 18.40 – 19.00 (20 min.)",
        "Tid: 19.00 – 19.15 (15 min.)",
        "6. Fleksibel mødedag den 11. december 2023", "Tid: 19.15 – 19.25 (10 min.)",
        "7. Orienteringspunkter", "A) Evt. orientering", "Tid: 19.25 – 19.30 (5 min.)",
        "8. Skriftlige orienteringer",
        "A) Opfølgning på udvalgsmødet den 6. september 2023",
        "B) Orienteringer til udvalget siden seneste møde",
        "9. Kurser og konferencer samt sager på vej til byrådet",
        "Tid: 19.30 – 19.35 (5 min.)",
        "10. Evt.", "Tid: 19.35 – 19.40 (5 min.)",
    ]) == []
    everything = "\n".join(pages)
    for line in ("SOCIALE FORHOLD OG BESKÆFTIGELSE", "Fagligt Sekretariat", "Aarhus Kommune",
                 "Sag: EMN-2023-009780", "Sagsbehandler:"):
        assert line in everything
    assert missing_in_order(pages[-1], ["7. september 2023",
                                        f"Side {len(pages)} af {len(pages)}"]) == []


@pytest.mark.parametrize("date", DATES)
def test_every_demo_agenda_lists_its_items_with_page_numbers(demo, date):
    pages = demo[date]["agenda"]
    label = "Side" if date == "2023-09-20" else "side"
    for number, page in enumerate(pages, start=1):
        assert f"{label} {number} af {len(pages)}" in page
    meeting = Meeting.objects.get(date=date)
    heading = "{n}. {t}" if date == "2023-09-20" else "Punkt {n}: {t}"
    assert missing_in_order("\n".join(pages), [
        heading.format(n=number, t=title)
        for number, title in meeting.items.order_by("position").values_list("number", "title")
    ]) == []
