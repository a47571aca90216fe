"""The meeting page with the keyboard alone: every control reachable with a visible focus,
each one operable, and no keyboard trap."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

CONTROLS = ("a[href], button, select, textarea, summary, input:not([type=hidden]), "
            "[tabindex]:not([tabindex='-1'])")

# The focused element, numbered (data-kb) the first time focus reaches it.
FOCUSED = """() => {
  const el = document.activeElement;
  if (el && el.dataset && el.dataset.kb === undefined) {
    el.dataset.kb = String(document.querySelectorAll("[data-kb]").length);
  }
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    kb: el === document.body ? null : el.dataset.kb,
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 60),
    open: el.tagName === "SUMMARY" ? el.parentElement.open : null,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
    on_screen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
               && box.left < innerWidth,
  };
}"""

# Every visible control focus has not reached.
UNREACHED = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => el.checkVisibility() && el.dataset.kb === undefined)
  .map(el => `${el.tagName.toLowerCase()} "${(el.innerText || el.name || "").trim().slice(0, 60)}"`)
"""

MEETING = "2023-09-11"  # the richest demo page: memos, attachments, decisions, notes


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_until(page, *, limit: int = 300, **wanted) -> dict:
    """Press Tab until the focused element matches `wanted` (text=…, id=…, tag=…; a callable
    tests the value)."""
    for _step in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if all(value(element[key]) if callable(value) else element[key] == value
               for key, value in wanted.items()):
            return element
    raise AssertionError(f"Tab never reached a control with {wanted}")


def tab_to_the_first_note_field(page):
    summary = tab_until(page, tag="summary", text=lambda text: text.startswith("Noter"))
    if summary["open"] is False:
        page.keyboard.press("Enter")
    tab_until(page, tag="textarea")


@pytest.fixture
def meeting_page(page, site):
    log_in(page, "medlem")
    page.goto(site.meeting_url(MEETING))
    expect(page.get_by_role("heading", level=1)).to_have_text("Rådmandsmøde 11. september 2023")
    return page


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(meeting_page):
    page = meeting_page
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Spring til indholdet"
    assert skip["on_screen"], "the skip link shows when it has focus"

    page.keyboard.press("Enter")
    assert focused(page)["id"] == "indhold", "focus moved to <main id=indhold>"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')"), \
        "the next Tab continues inside the content"


def test_tab_reaches_every_control_with_a_visible_focus_and_cycles_back(meeting_page):
    """Tab once round the page, opening each folded section on the way (its controls join
    the order): every visible control is reached, shows its focus, and focus comes back to
    the first one (no trap)."""
    page = meeting_page
    reached, invisible = [], []
    for _step in range(400):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["kb"] is None:  # the document itself, between the last control and the first
            continue
        if reached and element["kb"] == reached[0]:
            break
        reached.append(element["kb"])
        if not (element["outline"] or element["shadow"]) or not element["on_screen"]:
            invisible.append(f"{element['tag']} {element['text']!r}")
        if element["open"] is False:
            page.keyboard.press("Enter")
    else:
        raise AssertionError(f"focus never came back to the first control (a keyboard trap?); "
                             f"it went round {reached[-10:]}")

    assert page.evaluate(UNREACHED, CONTROLS) == [], "Tab never reaches these"
    assert invisible == [], "no visible focus indicator on these"
    assert len(reached) == len(set(reached)) > 50, "each control once, and there are many"


def test_the_memo_opens_and_closes_with_enter_and_space(meeting_page):
    page = meeting_page
    tab_until(page, tag="summary", text=lambda text: text.startswith("Indstilling"))
    memo = page.locator("details.memo").first

    page.keyboard.press("Enter")
    expect(memo).to_have_attribute("open", "")
    expect(memo.get_by_role("heading", name="SAGSFREMSTILLING").first).to_be_visible()
    page.keyboard.press("Space")
    expect(memo).not_to_have_attribute("open", "")
    page.keyboard.press(" ")
    expect(memo).to_have_attribute("open", "")


def test_the_language_switch_works_with_the_keyboard(meeting_page):
    page = meeting_page
    url = page.url
    tab_until(page, id="sprog")
    page.keyboard.press("ArrowDown")  # a closed <select> changes its choice with the arrows
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skift sprog"
    page.keyboard.press("Enter")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url == url, "the switch returns to the same meeting"
    expect(page.locator("#sprog option:checked")).to_have_text("English")


def test_logging_out_works_with_the_keyboard(meeting_page):
    page = meeting_page
    tab_until(page, text="Log ud")
    page.keyboard.press("Enter")

    expect(page.get_by_role("link", name="Log ind")).to_be_visible()
    expect(page.get_by_text("Logget ind som")).to_have_count(0)


def test_the_log_in_form_works_with_the_keyboard(page, site):
    page.goto("/log-ind/")
    assert focused(page)["id"] == "id_username", "the user name field has focus on arrival"
    page.keyboard.type("sekretaer")
    page.keyboard.press("Tab")
    page.keyboard.type(settings.DEMO_PASSWORD)
    page.keyboard.press("Enter")

    expect(page.get_by_text("Logget ind som Mads Sekretær")).to_be_visible()


def test_a_note_is_written_and_saved_with_the_keyboard_and_focus_stays_put(meeting_page):
    page = meeting_page
    tab_to_the_first_note_field(page)
    page.keyboard.type("Spørg til tidsplanen.")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Gem note"
    page.keyboard.press("Enter")

    annotations = page.locator("details.annotations").first
    expect(annotations.locator(".notes")).to_contain_text("Spørg til tidsplanen.")
    # htmx gives focus back after it settles the swap: wait for it rather than look once.
    expect(annotations.locator(":focus"), "focus stays in the notes after the swap"
           ).to_have_count(1)


def test_a_note_is_deleted_with_the_keyboard_and_focus_moves_to_the_note_field(meeting_page):
    page = meeting_page
    tab_to_the_first_note_field(page)
    page.keyboard.type("Slettes igen.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    annotations = page.locator("details.annotations").first
    expect(annotations.locator(".notes")).to_contain_text("Slettes igen.")

    page.keyboard.press("Shift+Tab")
    tab_until(page, text=lambda text: text.startswith("Slet note") and "Slettes igen." in text)
    page.keyboard.press("Enter")

    expect(annotations).not_to_contain_text("Slettes igen.")
    expect(annotations.locator("textarea[name=text]").first,
           "focus goes on to the field for a new note").to_be_focused()
