"""The meeting page with the keyboard alone: every control reachable with a visible focus,
each one operable, and no keyboard trap."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

CONTROLS = ("a[href], button, select, textarea, summary, input:not([type=hidden]), "
            "[tabindex]:not([tabindex='-1'])")

# Numbers every visible control (data-kb) and returns how many there are.
MARK_CONTROLS = """(selector) => {
  const controls = [...document.querySelectorAll(selector)].filter(el => el.checkVisibility());
  controls.forEach((el, i) => { el.dataset.kb = String(i); });
  return controls.map(el => `${el.tagName.toLowerCase()} "${el.innerText.trim().slice(0, 60)}"`);
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    kb: el.dataset ? (el.dataset.kb ?? null) : null,
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 60),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
    on_screen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
               && box.left < innerWidth,
  };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_until(page, *, limit: int = 60, **wanted) -> dict:
    """Press Tab until the focused element matches `wanted` (text=…, id=…, tag=…)."""
    for _step in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if all(element[key] == value for key, value in wanted.items()):
            return element
    raise AssertionError(f"Tab never reached a control with {wanted}")


@pytest.fixture
def meeting_page(page, site):
    log_in(page, "sekretaer")
    page.goto(site.meeting_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("6. marts 2023")
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
    page = meeting_page
    page.locator("details.memo > summary").first.press("Enter")  # its content joins the order
    controls = page.evaluate(MARK_CONTROLS, CONTROLS)
    page.evaluate("document.activeElement.blur()")
    reached, invisible = [], []
    for _step in range(len(controls) + 10):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["kb"] is None:  # the document itself, between the last control and the first
            continue
        if reached and element["kb"] == reached[0]:
            break
        reached.append(element["kb"])
        if not (element["outline"] or element["shadow"]) or not element["on_screen"]:
            invisible.append(f"{element['tag']} {element['text']!r}")
    else:
        raise AssertionError(f"focus never came back to the first control (a keyboard trap?): "
                             f"{[controls[int(kb)] for kb in reached[-10:]]}")

    missed = [control for kb, control in enumerate(controls) if str(kb) not in reached]
    assert not missed, f"Tab never reaches: {missed}"
    assert not invisible, f"no visible focus indicator on: {invisible}"
    assert len(reached) == len(set(reached)) == len(controls)


def test_the_memo_opens_and_closes_with_enter_and_space(meeting_page):
    page = meeting_page
    tab_until(page, tag="summary")
    memo = page.locator("details.memo").first

    page.keyboard.press("Enter")
    expect(memo).to_have_attribute("open", "")
    expect(memo.get_by_role("heading", name="SAGSFREMSTILLING")).to_be_visible()
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
