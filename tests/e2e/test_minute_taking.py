"""The minute taker records the Rådmandsmøde of 6 March 2023 in the browser, as seed 004
(lines 17-124) has it: item 7 is treated before item 6, the standard phrases one click away,
the draft of a decision point taken from the memo and finished by hand, the discussion in the
rich text editor, the keyboard moving from item to item, a follow-up from "X følger op". Then
the minutes are approved, and the meeting page and the PDF say it in the seed's order and
words. And a save interrupted mid-request, or a page reloaded before its text reached the
server, keeps every word.

The demo has that meeting already (published). The test builds its own copy through the demo's
loader, at 14.00 the same day and with only the agenda sent, in committed connections (the live
server does not see the test's transaction), and removes it afterwards.
"""

import dataclasses
import datetime as dt
import re
import threading

import pytest
from django.db import connection
from playwright.sync_api import expect

from decisions.models import Decision
from demo.data import raadmand_2023_03_06 as seed_004
from meetings.models import Meeting, MeetingSeries
from tests.documents.pdftext import missing_in_order, pdf_text
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def committed(work):
    result = {}

    def run():
        try:
            result["value"] = work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    return result.get("value")


def _build():
    from django.contrib.auth import get_user_model

    from demo import loader
    from demo.data import series as series_data

    spec = dataclasses.replace(
        seed_004.MEETING, start_time=dt.time(14, 0), end_time=dt.time(16, 0),
        status="agenda_sent", items=tuple(dataclasses.replace(item, decision=None)
                                          for item in seed_004.MEETING.items))
    users = {u.username: u for u in get_user_model().objects.all()}
    series = MeetingSeries.objects.get(name=series_data.SERIES["raadmand"]["name"])
    meeting = loader.build_meeting(spec, series=series, users=users,
                                   templates=loader.ensure_memo_templates(),
                                   pdfs=loader.PdfCache())
    return meeting.pk, {item.number: item.pk for item in meeting.items.all()}


@pytest.fixture
def march_6(site):
    meeting_id, items = committed(_build)
    try:
        yield meeting_id, items
    finally:
        committed(lambda: Meeting.objects.filter(pk=meeting_id).delete())


def section(page, items, number):
    return page.locator(f"#referat-punkt-{items[number]}")


def saved(page, items, number):
    expect(page.locator(f"#save-{items[number]}")).to_contain_text("Gemt kl.")


def phrase(page, items, number, text):
    item = section(page, items, number)
    item.get_by_role("button", name=text, exact=True).click()
    expect(item.locator(".decision-point textarea").first).to_have_value(text)


def discussion(page, items, number, paragraphs, *, bullets=()):
    """Type the discussion into the item's rich text editor: paragraphs, then bullets."""
    editor = section(page, items, number).locator("trix-editor")
    editor.click()
    for index, paragraph in enumerate(paragraphs):
        if index:
            page.keyboard.press("Enter")
        page.keyboard.insert_text(paragraph)
    if bullets:
        if paragraphs:
            page.keyboard.press("Enter")
        section(page, items, number).get_by_role("button", name="Punktopstilling").click()
        for index, bullet in enumerate(bullets):
            if index:
                page.keyboard.press("Enter")
            page.keyboard.insert_text(bullet)
    saved(page, items, number)


ITEM_6_AD_1 = (
    "Den aktuelle status på rekrutterings- og fastholdelsestiltag blev drøftet. Mia Holgaard og "
    "Kristian Dalsgaard fra Organisation og Ledelse stod for den overordnede præsentation, "
    "suppleret af deltagerne fra driften.\n\nPotentialet ved bedre understøttelse af 1. "
    "linjelederne og bedre understøttelse af sygefravær blev berørt af rådmandskredsen.")
ITEM_6_AD_2_3 = (
    "Vi har eksisterende partnerskaber med bl.a. VIA, men kan vi tage disse partnerskaber til et "
    "nyt niveau? Rådmanden gjorde specifikt opmærksom på, at han meget gerne stiller sig til "
    "rådighed i forhold til eventuelle samarbejdsforhandlinger i det omfang det kunne være "
    "gavnligt.")
ITEM_6_DISCUSSION = [
    "Der blev også drøftet muligheden for at se på dokumentationskrav, midlertidige stillinger "
    "til andre faggrupper der står til at falde ud af dagpengesystemet, og hvad der skal ske med "
    "\"sporskiftemodellen\" fremadrettet.",
    "Potentialet i bedre onboarding og intro-stillinger blev drøftet. Der er aktuelle tiltag i "
    "både sygehusvæsnet og MSO, der kan være relevante at se nærmere på.",
    "Det aftales, at Organisation og Ledelse følger op på ovenstående og melder tilbage til "
    "rådmandskredsen.",
]
ITEM_7_DISCUSSION = [
    "Rådmandskredsen brugte tid på at drøfte gæld og opsparing på overordnet niveau.",
    "Der var også drøftelser af, hvordan visionerne via udviklings- og omstillingsplanen "
    "konkretiseres ud i den daglige praksis.",
    "Det blev aftalt, at der i regi af drifts- og koordinationsforum tages en drøftelse af, "
    "hvordan vi i MSB målet effekter på socialområdet.",
]


def test_the_minute_taker_records_6_march_2023_and_the_minutes_say_it_as_the_seed(
        page, site, march_6):
    meeting_id, items = march_6
    log_in(page, "sekretaer")
    page.goto(f"/moeder/{meeting_id}/referat/skriv/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Referat: Rådmandsmøde 6. marts 2023")
    page.get_by_role("button", name="Begynd referatet").click()
    expect(page.locator(".messages")).to_contain_text("Referatet er begyndt.")
    # In the order of treatment: item 7 before item 6.
    titles = page.locator("li.minutes-item h2").all_inner_texts()
    assert [t.split(":")[0] for t in titles] == [f"Punkt {n}" for n in (1, 2, 3, 4, 5, 7, 6)]

    phrase(page, items, 1, "Godkendt.")
    phrase(page, items, 2, "Referatet blev godkendt.")

    # From item 2 to item 3 with the keyboard: the cursor is where the first point goes.
    section(page, items, 2).locator(".decision-point textarea").focus()
    page.keyboard.press("Alt+ArrowDown")
    first_point = section(page, items, 3).get_by_label("Nyt beslutningspunkt")
    expect(first_point).to_be_focused()
    page.keyboard.type("Aktuelle områder fra magistraten blev drøftet, herunder:")
    section(page, items, 3).locator(f"#item-{items[3]}-new-point-outcome").select_option(
        "droeftet")
    first_point.focus()
    page.keyboard.press("Control+Enter")
    expect(section(page, items, 3).locator(".decision-point textarea")).to_have_value(
        "Aktuelle områder fra magistraten blev drøftet, herunder:")
    discussion(page, items, 3, [], bullets=[
        "Antallet af fritidsjobs - kan vi gøre mere her?",
        "MBU har uge 40 som medborgerskabsuge, kan det være relevant at koble MSB på?"])

    phrase(page, items, 4, "Intet til referat.")
    bordrunde = section(page, items, 5)
    bordrunde.get_by_label("Nyt beslutningspunkt").fill("Punktet blev ikke behandlet denne gang.")
    bordrunde.locator(f"#item-{items[5]}-new-point-outcome").select_option("ikke_behandlet")
    bordrunde.get_by_role("button", name="Tilføj beslutningspunkt").click()
    expect(bordrunde.locator(".decision-point textarea")).to_have_value(
        "Punktet blev ikke behandlet denne gang.")

    # Item 7, treated before item 6.
    phrase(page, items, 7, "Materialet blev drøftet.")
    discussion(page, items, 7, ITEM_7_DISCUSSION)
    follow_up = section(page, items, 7)
    follow_up.get_by_text("Ny opfølgning").click()
    follow_up.get_by_label("eller ansvarlig enhed").fill("Drifts- og koordinationsforum")
    follow_up.get_by_label("Beskrivelse").fill(
        "En drøftelse af, hvordan vi i MSB måler effekter på socialområdet.")
    follow_up.get_by_label("Frist").fill("03-04-2023")
    follow_up.get_by_role("button", name="Opret opfølgning").click()
    expect(follow_up.locator(".follow-up-list")).to_contain_text(
        "Drifts- og koordinationsforum: En drøftelse af")

    # Item 6: the draft from the memo's first point, finished by hand; points 2 and 3 answered
    # together.
    theme = section(page, items, 6)
    theme.get_by_role("button", name=re.compile(r"Brug som beslutning til Ad 1\)")).click()
    ad_1 = theme.locator(".decision-point textarea").first
    expect(ad_1).to_have_value(
        "Den aktuelle status på rekrutterings- og fastholdelsestiltag blev drøftet.")
    expect(ad_1).to_be_focused()
    ad_1.fill(ITEM_6_AD_1)
    expect(theme.locator(".decision-point .save-state").first).to_contain_text("Gemt kl.")
    new_point = theme.locator(".new-point")
    new_point.get_by_label("Nyt beslutningspunkt").fill(ITEM_6_AD_2_3)
    new_point.get_by_label("Udfald").select_option("droeftet")
    new_point.get_by_label("Ad 2)").check()
    new_point.get_by_label("Ad 3)").check()
    new_point.get_by_role("button", name="Tilføj beslutningspunkt").click()
    expect(theme.locator(".decision-point textarea")).to_have_count(2)
    discussion(page, items, 6, ITEM_6_DISCUSSION)
    suggestion = theme.locator(".suggestion")
    expect(suggestion).to_contain_text("Forslag: Organisation og Ledelse følger op.")
    suggestion.get_by_role("button", name="Opret opfølgning for Organisation og Ledelse").click()
    expect(theme.locator(".follow-up-list")).to_contain_text("Organisation og Ledelse: Det aftales")

    page.get_by_role("button", name="Godkend referatet nu").click()
    expect(page.locator(".messages")).to_contain_text("Referatet er godkendt og låst.")

    entries = committed(lambda: Decision.objects.get(item_id=items[6]).history.count())
    assert entries <= 4, "one history entry per stretch of typing, not one per pause"

    # The member reads it on the meeting page: "Referat", the seed's order and words.
    member = page.context.browser.new_context(base_url=site.url, locale="da-DK")
    reader = member.new_page()
    log_in(reader, "medlem")
    reader.goto(f"/moeder/{meeting_id}/")
    expect(reader.locator("#dagsorden-overskrift")).to_have_text("Referat")
    text = reader.locator("ol.agenda").inner_text()
    assert missing_in_order(text, SEED_004) == []
    member.close()

    response = page.request.get(f"/moeder/{meeting_id}/referat.pdf")
    assert response.status == 200
    assert missing_in_order(pdf_text(response.body()), SEED_004) == []


# Seed 004, lines 17-124, as the minutes with the agenda print them.
SEED_004 = [
    "Punkt 1: Dagsorden", "Beslutning for Punkt 1: Dagsorden", "Godkendt.",
    "Punkt 2: Referat", "Beslutning for Punkt 2: Referat", "Referatet blev godkendt.",
    "Punkt 3: Orientering fra Magistraten", "Beslutning for Punkt 3: Orientering fra Magistraten",
    "Aktuelle områder fra magistraten blev drøftet, herunder:",
    "Antallet af fritidsjobs - kan vi gøre mere her?",
    "MBU har uge 40 som medborgerskabsuge, kan det være relevant at koble MSB på?",
    "Punkt 4: Orientering om udvalgsmødet", "Beslutning for Punkt 4: Orientering om udvalgsmødet",
    "Intet til referat.",
    "Punkt 5: Bordrunde", "Beslutning for Punkt 5: Bordrunde",
    "Punktet blev ikke behandlet denne gang.",
    "Punkt 7: Opfølgning på mål og økonomi regnskab 2022",
    "Beslutning for Punkt 7: Opfølgning på mål og økonomi regnskab 2022",
    "Materialet blev drøftet.", *ITEM_7_DISCUSSION,
    "Punkt 6: Temadrøftelse: Strategiske indsatsområder vedr. rekruttering og fastholdelse i MSB",
    "Følgende gæster deltager under punktet:", "Kristian Dalsgaard", "Mia Holgaard",
    "Mette Thorsgaard Erhardsen",
    "Beslutning for Punkt 6: Temadrøftelse",
    "Ad 1) Den aktuelle status på rekrutterings- og fastholdelsestiltag blev drøftet.",
    "Potentialet ved bedre understøttelse af 1. linjelederne",
    "Ad 2) og Ad 3) Vi har eksisterende partnerskaber med bl.a. VIA", *ITEM_6_DISCUSSION,
]


def test_no_word_is_lost_when_a_save_is_interrupted_or_the_page_reloaded(page, site, march_6):
    meeting_id, items = march_6
    committed(lambda: Meeting.objects.filter(pk=meeting_id).update(
        status=Meeting.Status.MINUTES_DRAFT))
    log_in(page, "sekretaer")
    page.goto(f"/moeder/{meeting_id}/referat/skriv/")
    words = "Rådmanden spurgte til økonomien i tiltaget."

    # The network goes: the save fails, the text stays in the page and it says so.
    page.route("**/referat/tekst/", lambda route: route.abort("internetdisconnected"))
    editor = section(page, items, 3).locator("trix-editor")
    editor.click()
    page.keyboard.insert_text(words)
    problem = page.locator(f"#problem-{items[3]}")
    expect(problem).to_contain_text("Ingen forbindelse: teksten er ikke nået frem til Referat")
    expect(editor).to_contain_text(words)

    # Reloaded while the network is still gone (the beacon sent on leaving is lost too): the
    # text is put back from the browser, and saved once the network is back.
    page.evaluate("navigator.sendBeacon = () => false")
    page.reload()
    expect(section(page, items, 3).locator("trix-editor")).to_contain_text(words)
    expect(page.locator(f"#problem-{items[3]}")).to_contain_text("Ingen forbindelse")
    page.unroute("**/referat/tekst/")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    saved(page, items, 3)
    assert committed(lambda: Decision.objects.get(item_id=items[3]).text) == f"<p>{words}</p>"

    # A refusal from the server (logged out meanwhile) keeps the text too, and says why.
    page.route("**/referat/tekst/", lambda route: route.fulfill(
        status=403, content_type="text/html", body="<p>Forbidden</p>"))
    section(page, items, 3).locator("trix-editor").click()
    page.keyboard.press("End")
    page.keyboard.insert_text(" Det blev besluttet at vente.")
    expect(page.locator(f"#problem-{items[3]}")).to_contain_text("du er logget ud")
    page.unroute("**/referat/tekst/")
    page.reload()
    expect(section(page, items, 3).locator("trix-editor")).to_contain_text(
        "Det blev besluttet at vente.")
    saved(page, items, 3)
    assert committed(lambda: Decision.objects.get(item_id=items[3]).text) == (
        f"<p>{words} Det blev besluttet at vente.</p>")


def test_a_conflict_shows_both_texts_and_keeps_the_chosen_one(page, site, march_6):
    meeting_id, items = march_6
    committed(lambda: Meeting.objects.filter(pk=meeting_id).update(
        status=Meeting.Status.MINUTES_DRAFT))
    log_in(page, "sekretaer")
    page.goto(f"/moeder/{meeting_id}/referat/skriv/")
    other = page.context.new_page()
    other.goto(f"/moeder/{meeting_id}/referat/skriv/")

    section(other, items, 4).locator("trix-editor").click()
    other.keyboard.insert_text("Kollegaens tekst.")
    saved(other, items, 4)
    section(page, items, 4).locator("trix-editor").click()
    page.keyboard.insert_text("Min tekst.")
    problem = page.locator(f"#problem-{items[4]}")
    expect(problem).to_contain_text("har ændret den samme tekst")
    expect(problem.locator("table")).to_contain_text("Kollegaens tekst.")
    expect(problem.locator("table")).to_contain_text("Min tekst.")
    assert committed(lambda: Decision.objects.get(item_id=items[4]).text) == (
        "<p>Kollegaens tekst.</p>"), "nothing is written over"
    problem.get_by_role("button", name="Behold min tekst").click()
    saved(page, items, 4)
    assert committed(lambda: Decision.objects.get(item_id=items[4]).text) == "<p>Min tekst.</p>"
