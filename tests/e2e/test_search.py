"""Searching with the keyboard alone: the header's box, ranked results with the hit marked, a
filter that narrows them (the count announced), the next page, a result opened; and the page
keeps to its Content-Security-Policy throughout."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in
from tests.e2e.test_content_security_policy import Watch
from tests.e2e.test_keyboard import tab_until

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

WORD = "møde"  # in most demo meetings, the public ones too: the secretariat gets two pages


def _search_from_the_header(page, word):
    tab_until(page, id="site-search-q")
    page.keyboard.type(word)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/soeg/\?q="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Søg")


@pytest.mark.parametrize("username", [None, "sekretaer"])
def test_a_keyboard_user_searches_narrows_and_opens_a_result(page, site, username):
    watch = Watch(page, site.url)
    if username:
        log_in(page, username)
    page.goto("/")
    _search_from_the_header(page, WORD)

    hits = page.locator("ol.search-hits > li")
    expect(hits.first).to_be_visible()
    assert hits.count() > 1, "the word is in several demo entries"
    expect(page.get_by_label("Søg i møder", exact=False)).to_have_value(WORD)
    # Ranked, the hit marked.
    expect(hits.first.locator("mark").first).to_have_text(re.compile(WORD, re.IGNORECASE))
    status = page.get_by_role("status")
    expect(status).to_have_text(re.compile(r"^\d+ resultater"))
    before = status.inner_text()
    all_hits = hits.count()

    # Narrow to items with the keyboard: the type filter, then the form's button.
    page.get_by_label("Type").focus()
    page.get_by_label("Type").select_option("decision")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        if focused == "Søg":
            page.keyboard.press("Enter")
        else:
            page.locator("form.search-form").get_by_role("button", name="Søg").press("Enter")
    expect(status).not_to_have_text(before)
    expect(status).to_have_text(re.compile(r"^\d+ resultat"))
    expect(page).to_have_url(re.compile(r"type=decision"))
    expect(hits.first).to_be_visible()
    assert 0 < hits.count() < all_hits
    expect(hits.locator(".search-hit-kind").first).to_contain_text("Beslutning")
    # Focus is not lost to the page's start by the swap.
    assert page.evaluate("document.activeElement !== document.body")

    # A result opened with the keyboard.
    link = hits.first.get_by_role("heading", level=2).get_by_role("link")
    href = link.get_attribute("href")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href.split("#")[0])))
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.wait_for_load_state("networkidle")
    assert watch.problems() == []


def test_the_next_page_of_results(page, site):
    watch = Watch(page, site.url)
    log_in(page, "sekretaer")
    page.goto("/")
    _search_from_the_header(page, WORD)
    status = page.get_by_role("status")
    expect(status).to_contain_text("side 1 af")
    first_page = page.locator("ol.search-hits > li h2").all_inner_texts()

    pages = page.get_by_role("navigation", name="Sider med resultater")
    pages.get_by_role("link", name="Næste side").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(status).to_contain_text("side 2 af")
    expect(page.locator("ol.search-hits")).to_have_attribute("start", "21")
    assert page.locator("ol.search-hits > li h2").all_inner_texts() != first_page
    expect(pages.get_by_role("link", name="Forrige side")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert watch.problems() == []


def test_back_after_narrowing_shows_the_whole_page_again(page, site):
    """htmx pushed the narrowed search into the history; Back fetches the earlier one afresh
    (no history cache) with an HX-Request header, and gets the whole page, not the results."""
    page.goto(f"/soeg/?q={WORD}")
    status = page.get_by_role("status")
    before = status.inner_text()
    page.get_by_label("Type").select_option("decision")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.locator("form.search-form").get_by_role("button", name="Søg").click()
    expect(page).to_have_url(re.compile(r"type=decision"))
    expect(status).not_to_have_text(before)

    with page.expect_response(lambda r: "soeg" in r.url):
        page.go_back()
    expect(page).not_to_have_url(re.compile(r"type=decision"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Søg")
    expect(page.get_by_role("search").get_by_role("searchbox")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(before)
    expect(page.locator("ol.search-hits > li").first).to_be_visible()


def test_a_search_that_cannot_be_made_is_announced(page, site):
    """What the search left out or could not use is said in the live region, so a screen
    reader hears it after htmx swapped the answer in, not only the (missing) count."""
    page.goto(f"/soeg/?q={WORD}")
    box = page.get_by_label("Søg i møder", exact=False)
    box.fill("a")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        box.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Skriv mindst ét ord")
    expect(page.locator("ol.search-hits")).to_have_count(0)
    expect(box).to_be_focused()


def test_the_page_title_follows_a_search_made_in_place(page, site):
    page.goto(f"/soeg/?q={WORD}")
    expect(page).to_have_title(f"Søgning: {WORD} · Referat")
    box = page.get_by_label("Søg i møder", exact=False)
    box.fill("klimaplan")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        box.press("Enter")
    expect(page).to_have_title("Søgning: klimaplan · Referat")
    expect(page.get_by_role("status")).to_be_visible()
