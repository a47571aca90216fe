import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in
from tests.e2e.demo_meeting import SEED_ORDER

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def test_secretary_logs_in_and_sees_the_march_2023_items_in_the_seeds_order(page):
    log_in(page, "sekretaer")
    expect(page.get_by_text("Logget ind som Mads Sekretær")).to_be_visible()

    page.get_by_role("link", name="Rådmandsmøder 2022-2025").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Rådmandsmøder 2022-2025 6. marts 2023")

    headings = page.locator("ol.agenda > li h3").all_inner_texts()
    assert [heading.split(" (")[0] for heading in headings] == SEED_ORDER
