"""Bilag intake in the meeting editor, in the browser: files dropped on an item are sent one by
one with a progress bar each, the good ones become Bilag and the bad ones are named with the
reason; files dropped on the item list go to the item the secretary chooses; what is typed
elsewhere on the page stays; the page stays accessible."""

import base64

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, describe_violations, log_in
from tests.factories import pdf_bytes
from tests.intake import hostile

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def new_meeting(page, site) -> int:
    """A draft meeting of its own (standard items included) for this test, through the
    editor's "Ny mødeindkaldelse", so no other test sees what it uploads."""
    series = site.meetings["2023-09-11"].series
    log_in(page, "sekretaer")
    page.goto(f"/serier/{series.pk}/nyt-moede/")
    page.get_by_role("button", name="Opret mødet").click()
    expect(page.locator("#items > .editor-item").first).to_be_visible()
    return int(page.locator("#items > .editor-item").first.get_attribute("data-item"))


def drop(page, target, files: dict[str, bytes]) -> None:
    """Drop `files` on `target` as the operating system's file manager would."""
    transfer = page.evaluate_handle(
        """(files) => {
             const transfer = new DataTransfer();
             for (const [name, data] of files) {
               const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
               transfer.items.add(new File([bytes], name, {type: "application/pdf"}));
             }
             return transfer;
           }""",
        [[name, base64.b64encode(data).decode()] for name, data in files.items()])
    for kind in ("dragenter", "dragover", "drop"):
        target.dispatch_event(kind, {"dataTransfer": transfer})


def test_three_files_dropped_on_an_item_give_two_bilag_and_one_named_refusal(page, site,
                                                                           axe_source):
    item = new_meeting(page, site)
    # Something typed elsewhere on the page, not yet saved: the upload must leave it alone.
    typed = page.locator("#new-item").get_by_label("Titel")
    typed.fill("Et punkt under arbejde")

    drop(page, page.locator(f"#item-{item}"), {
        "Budget 2024.pdf": pdf_bytes("Budget 2024", pages=2),
        "Beskadiget.pdf": hostile.broken_xref(),
        "Notat.pdf": pdf_bytes("Notat")})

    rows = page.locator(f"#item-{item}-upload-progress > li")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Budget 2024.pdf")
    expect(rows.nth(0)).to_contain_text("»Budget 2024.pdf« er gemt som Bilag 1.")
    expect(rows.nth(1)).to_contain_text("»Beskadiget.pdf« er beskadiget")
    expect(rows.nth(1)).to_have_class("upload-row refused")
    expect(rows.nth(2)).to_contain_text("»Notat.pdf« er gemt som Bilag 2.")
    bilag = page.locator(f"#item-{item}-attachments > li")
    expect(bilag).to_have_count(2)
    expect(bilag.nth(0)).to_contain_text("Bilag 1: Budget 2024")
    expect(bilag.nth(1)).to_contain_text("Bilag 2: Notat")
    status = page.locator(f"#item-{item}-upload-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text("Færdig. Afvist: 1 af 3.")
    expect(typed).to_have_value("Et punkt under arbejde")
    violations = axe_violations(page, axe_source)
    assert violations == [], describe_violations(violations)


def test_files_dropped_on_the_item_list_go_to_the_item_chosen_with_the_keyboard(page, site):
    item = new_meeting(page, site)
    last = page.locator("#items > .editor-item").last
    last_id = last.get_attribute("data-item")
    assert last_id != str(item)

    drop(page, page.locator("#bilag-drop"), {"Oversigt.pdf": pdf_bytes("Oversigt")})

    dialog = page.get_by_role("dialog", name="Hvilket punkt er bilagene til?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Oversigt.pdf")
    choice = dialog.get_by_label("Punkt")
    expect(choice).to_be_focused()
    page.keyboard.press("End")  # the last item
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Læg bilagene op")).to_be_focused()
    page.keyboard.press("Enter")

    expect(dialog).to_be_hidden()
    expect(page.locator(f"#item-{last_id}-attachments > li")).to_have_count(1)
    expect(page.locator(f"#item-{last_id}-attachments")).to_contain_text("Oversigt")
    expect(page.locator(f"#item-{item}-attachments > li")).to_have_count(0)


def test_the_file_picker_uploads_with_progress_and_the_result_announced(page, site, tmp_path):
    item = new_meeting(page, site)
    (tmp_path / "Referat.pdf").write_bytes(pdf_bytes("Referat"))
    (tmp_path / "Billede.pdf").write_bytes(hostile.jpeg())
    page.locator(f"#item-{item}-details > summary").click()
    page.locator(f"#upload-{item}-files").set_input_files(
        [tmp_path / "Referat.pdf", tmp_path / "Billede.pdf"])
    page.locator(f"#item-{item}-bilag").get_by_role("button", name="Læg bilag op").press("Enter")

    rows = page.locator(f"#item-{item}-upload-progress > li")
    expect(rows.nth(0)).to_contain_text("»Referat.pdf« er gemt som Bilag 1.")
    expect(rows.nth(1)).to_contain_text("»Billede.pdf« er ikke en PDF-fil, men et billede "
                                        "(JPEG).")
    expect(page.locator(f"#item-{item}-upload-status")).to_have_text(
        "Færdig. Afvist: 1 af 2.")
    expect(page.locator(f"#item-{item}-attachments > li")).to_have_count(1)
