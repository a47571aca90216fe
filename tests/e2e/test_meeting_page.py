import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

# Seed 004: the minutes of 6 March 2023; item 7 was treated before item 6.
SEED_ORDER = [
    "Punkt 1: Dagsorden",
    "Punkt 2: Referat",
    "Punkt 3: Orientering fra Magistraten",
    "Punkt 4: Orientering om udvalgsmødet",
    "Punkt 5: Bordrunde",
    "Punkt 7: Opfølgning på mål og økonomi regnskab 2022",
    "Punkt 6: Temadrøftelse: Strategiske indsatsområder vedr. rekruttering og fastholdelse i MSB",
]


def test_secretary_logs_in_and_sees_the_march_2023_items_in_the_seeds_order(page, site):
    log_in(page, "sekretaer")
    expect(page.get_by_text("Logget ind som Mads Sekretær")).to_be_visible()

    page.get_by_role("link", name="Rådmandsmøde 6. marts 2023").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rådmandsmøde 6. marts 2023")

    headings = page.locator("ol.agenda > li h3").all_inner_texts()
    assert [heading.split(" (")[0] for heading in headings] == SEED_ORDER
