"""Back after a list was narrowed in place: htmx pushed the narrowed address into the browser's
history (the pages keep no history cache), and Back loads the earlier address as a whole page,
never the bare fragment the in-place request got."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def _narrow_then_back(page, path: str, label: str, heading: str):
    page.goto(path)
    select = page.get_by_label(label, exact=True)
    choice = select.locator("option").nth(1).get_attribute("value")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        select.select_option(choice)
        select.evaluate("s => s.form.requestSubmit()")
    expect(page).to_have_url(re.compile(rf"serie={choice}"))

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"serie="))
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_label(label, exact=True)).to_be_visible()


def test_back_on_the_meeting_list_shows_the_whole_page(page, site):
    log_in(page, "sekretaer")
    _narrow_then_back(page, "/", "Mødeserie", "Møder")


def test_back_on_the_follow_up_board_shows_the_whole_page(page, site):
    log_in(page, "sekretaer")
    _narrow_then_back(page, "/opfoelgninger/", "Mødeserie", "Opfølgninger")
