"""What the page tells the user after an htmx request: results announced, refusals shown."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def test_filtering_the_meeting_list_announces_how_many_meetings_are_shown(page, site):
    log_in(page, "sekretaer")
    page.goto("/")
    page.get_by_label("Mødeserie").select_option(label="Social- og Beskæftigelsesudvalget")
    page.get_by_role("button", name="Vis").click()
    status = page.locator("#list-status")
    expect(status).to_have_text("1 møde vises (Social- og Beskæftigelsesudvalget)")
    expect(status).to_have_attribute("role", "status")
    expect(page.locator("#meeting-results tbody tr")).to_have_count(1)


def test_a_refused_htmx_save_is_shown_and_the_typed_text_stays(page, site):
    log_in(page, "medlem")
    page.goto(site.meeting_url("2023-03-06"))
    banner = page.locator("#request-error")
    expect(banner).to_be_hidden()
    # The session ends in another tab: the page's CSRF token no longer matches.
    page.context.clear_cookies()
    page.locator("#punkt-1 details.annotations > summary").click()
    field = page.locator("#punkt-1").get_by_label("Ny privat note")
    field.fill("Husk at spørge til budgettet")
    page.locator("#punkt-1").get_by_role("button", name="Gem note").click()
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Genindlæs siden")
    expect(field).to_have_value("Husk at spørge til budgettet")
