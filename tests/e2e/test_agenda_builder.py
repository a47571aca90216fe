"""The secretariat builds the committee meeting of 20 September 2023 in the browser alone: from
its series, items with their minutes, reordered by drag and drop and by keyboard (the slots
follow: "18.15 – 18.18"), a memo with two recommendation points whose LIX changes as the text
is written, two PDFs uploaded, the agenda sent and the members' e-mail read.

The demo already has that meeting. The test moves it a week aside for its duration, and removes
what it built afterwards, in its own committed connections (the live server does not see the
test's transaction), so the other browser tests find the demo as it was.
"""

import datetime as dt
import re
import threading

import pytest
from django.core import mail
from django.db import connection
from playwright.sync_api import expect

from meetings.models import Meeting, MeetingSeries
from tests.documents.pdftext import LOOSE, pdf_text
from tests.e2e.conftest import log_in
from tests.factories import pdf_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

SEPTEMBER_20 = dt.date(2023, 9, 20)
ITEMS = [("Godkendelse af dagsorden", 3), ("Referat fra udvalgets møde den 6. september 2023", 2),
         ("Input til ny aftale om udsatte boligområder", 20),
         ("Klimaplan i Sociale Forhold og Beskæftigelse", 20)]


def committed(work):
    """Run `work` on a connection of its own, committed at once (a thread of its own)."""
    result = {}

    def run():
        try:
            result["value"] = work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    return result.get("value")


@pytest.fixture
def free_september_20(site):
    demo = site.meetings["2023-09-20"]
    committed(lambda: Meeting.objects.filter(pk=demo.pk).update(date=dt.date(2023, 9, 27)))
    try:
        yield MeetingSeries.objects.get(pk=demo.series_id)
    finally:
        def restore():
            Meeting.objects.filter(series_id=demo.series_id, date=SEPTEMBER_20).delete()
            Meeting.objects.filter(pk=demo.pk).update(date=SEPTEMBER_20)
        committed(restore)


def item(page, title):
    return page.locator("#items > li", has_text=title).first


def slot(page, title):
    return item(page, title).locator(".slot")


def test_a_secretary_builds_and_sends_the_committee_meeting_in_the_browser(
        page, site, free_september_20, tmp_path):
    series = free_september_20
    mail.outbox.clear()
    log_in(page, "sekretaer")
    page.get_by_role("link", name=series.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(series.name)
    page.get_by_role("link", name="Ny mødeindkaldelse").click()
    page.get_by_label("Dato").fill("20-09-2023")
    page.get_by_label("Starttidspunkt").fill("18.15")
    page.get_by_label("Sluttidspunkt").fill("19.45")
    page.get_by_label("Mødested").fill("Rådhuset, lokale 398")
    page.get_by_label("Emne").fill("Social- og Beskæftigelsesudvalgsmøde")
    page.get_by_role("button", name="Opret mødet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Rediger Social- og Beskæftigelsesudvalgsmøde 20. september 2023")

    for title, minutes in ITEMS:
        page.get_by_label("Titel", exact=True).last.fill(title)
        page.locator("#new-item-minutes").fill(str(minutes))
        page.get_by_role("button", name="Tilføj punkt").click()
        expect(item(page, title).locator("h3")).to_contain_text(f"({minutes} min)")
    expect(slot(page, ITEMS[0][0])).to_have_text("Tid: 18.15 – 18.18")
    expect(slot(page, ITEMS[1][0])).to_have_text("Tid: 18.18 – 18.20")
    expect(page.locator("#timeplan")).to_contain_text("18.15 – 19.00, 45 minutter")

    # Drag the third item above the second: numbers follow before sending, slots too.
    third, second = item(page, ITEMS[2][0]), item(page, ITEMS[1][0])
    handle, target = third.locator(".drag-handle"), second.locator(".drag-handle")
    handle.hover()
    page.mouse.down()
    box = target.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 2, steps=12)
    page.mouse.up()
    expect(item(page, ITEMS[2][0]).locator("h3")).to_contain_text("Punkt 2: Input til ny aftale")
    expect(slot(page, ITEMS[2][0])).to_have_text("Tid: 18.18 – 18.38")
    expect(slot(page, ITEMS[1][0])).to_have_text("Tid: 18.38 – 18.40")
    # And back with the keyboard: focus stays on the button that was pressed.
    down = item(page, ITEMS[2][0]).get_by_role("button", name="Flyt ned").first
    down.focus()
    page.keyboard.press("Enter")
    expect(slot(page, ITEMS[1][0])).to_have_text("Tid: 18.18 – 18.20")
    expect(item(page, ITEMS[2][0]).locator("h3")).to_contain_text("Punkt 3:")
    expect(down).to_be_focused()

    # A memo with two recommendation points; the LIX follows the text as it is written.
    klima = item(page, ITEMS[3][0])
    expect(klima.locator("details")).to_have_attribute("open", "")  # a new item opens
    klima.get_by_role("link", name="Skriv en indstilling").click()
    klima.get_by_label("Indstillingsskabelon").select_option(index=1)
    klima.get_by_label("Afsender").fill("Effekt – Mål, Økonomi og Boliger")
    klima.get_by_role("button", name="Gem indstillingen", exact=True).last.click()
    expect(klima.get_by_role("link", name="Rediger indstillingen")).to_be_visible()
    klima.get_by_role("link", name="Rediger indstillingen").click()
    for number, text in enumerate(["at udvalget drøfter klimaplanen",
                                   "at udvalget godkender den videre proces"], start=1):
        klima.get_by_role("button", name="Tilføj indstillingspunkt").click()
        point = klima.get_by_label(f"Indstillingspunkt {number})")
        expect(point).to_be_focused()
        point.fill(text)
    lix = klima.locator(".lix")
    expect(lix).to_contain_text("LIX")
    before = lix.inner_text()
    editor = klima.locator("trix-editor").first
    editor.click()
    page.keyboard.type("Klimaplanen indeholder tiltag inden for energiforbrug, transport, "
                       "indkøb og affaldshåndtering, som implementeres fremadrettet.")
    expect(lix).not_to_have_text(before)
    klima.get_by_role("button", name="Gem indstillingen", exact=True).last.click()
    expect(klima.locator(".recommendations")).to_contain_text(
        "2) at udvalget godkender den videre proces")

    # Two PDFs at once.
    files = []
    for name, text in (("Dagsorden.pdf", "Dagsorden"), ("Klimaplan.pdf", "Klimaplan")):
        path = tmp_path / name
        path.write_bytes(pdf_bytes(text, 2))
        files.append(str(path))
    klima.get_by_label("Læg filer op som bilag").set_input_files(files)
    klima.get_by_role("button", name="Læg bilag op").click()
    expect(klima.locator(".attachment-list")).to_contain_text("Bilag 2: Klimaplan")
    expect(klima.locator(".item-part.bilag [role=status]")).to_have_text(
        "Færdig. Afvist: 0 af 2.")

    # Send, and read the mail the committee's member got.
    page.get_by_role("button", name="Send dagsordenen til medlemmerne").click()
    expect(page.locator(".messages")).to_contain_text("Dagsordenen er sendt.")
    meeting = Meeting.objects.get(series=series, date=SEPTEMBER_20)
    assert meeting.status == Meeting.Status.AGENDA_SENT
    [sent] = [m for m in mail.outbox if m.to == ["udvalg@referat.example"]]
    assert sent.subject == "Dagsorden: Social- og Beskæftigelsesudvalgsmøde 20. september 2023"
    assert "Punkt 3: Input til ny aftale om udsatte boligområder" in sent.body
    link = re.search(r"http://\S+/moeder/\d+/", sent.body).group(0)
    assert link.endswith(f"/moeder/{meeting.pk}/")

    # The agenda PDF shows what was typed.
    response = page.request.get(f"/moeder/{meeting.pk}/dagsorden.pdf")
    assert response.status == 200
    text = LOOSE.sub("", pdf_text(response.body()))
    for expected in ("Mødedato: 20. september 2023", "Tid: 18.15 – 18.18 (3 min.)",
                     "4. Klimaplan i Sociale Forhold og Beskæftigelse"):
        assert LOOSE.sub("", expected) in text, expected
