"""The meeting editor as plain forms, with JavaScript off: every action is a form post and a
page, and nothing needs htmx."""

import datetime as dt

import pytest
from django.conf import settings
from playwright.sync_api import expect

from agendas.services import meeting_create
from meetings.models import Meeting
from tests.e2e.test_agenda_builder import committed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


@pytest.fixture
def draft(site):
    series = site.meetings["2023-09-11"].series
    meeting = committed(lambda: meeting_create(series=series, date=dt.date(2030, 1, 7)))
    yield meeting
    committed(lambda: Meeting.objects.filter(pk=meeting.pk).delete())


@pytest.fixture
def no_js_page(browser, site):
    context = browser.new_context(base_url=site.url, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/log-ind/")
    page.get_by_label("Brugernavn").fill("sekretaer")
    page.get_by_label("Adgangskode").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    yield page
    context.close()


def headings(page):
    return page.locator("#items > li h3").all_inner_texts()


def test_the_editor_works_as_plain_forms(no_js_page, draft):
    page = no_js_page
    page.goto(f"/moeder/{draft.pk}/rediger/")
    page.locator("#new-item-title").fill("Klimaplan i MSB")
    page.locator("#new-item-minutes").fill("10")
    page.get_by_role("button", name="Tilføj punkt").click()
    expect(page.locator(".messages")).to_contain_text("Punkt 3: Klimaplan i MSB er tilføjet.")
    assert headings(page)[2] == "Punkt 3: Klimaplan i MSB (10 min)"

    klima = page.locator("#items > li", has_text="Klimaplan i MSB")
    klima.locator("summary").click()
    klima.get_by_role("link", name="Rediger punktet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Punkt 3: Klimaplan i MSB")
    page.get_by_label("Ansvarlig").fill("Michael Justesen")
    page.get_by_label("Tekst").fill("Sagen & baggrunden\n\nAndet afsnit")
    page.get_by_role("button", name="Gem punktet").click()
    expect(page.locator(".messages")).to_contain_text("er gemt.")

    klima = page.locator("#items > li", has_text="Klimaplan i MSB")
    klima.get_by_role("button", name="Flyt op").first.click()
    assert headings(page)[1] == "Punkt 2: Klimaplan i MSB (10 min)"

    page.locator("#items > li", has_text="Klimaplan i MSB").get_by_role(
        "button", name="Slet").first.click()
    expect(page.locator(".messages")).to_contain_text("er slettet.")
    page.get_by_role("button", name="Fortryd sletningen").click()
    expect(page.locator(".messages")).to_contain_text("er gendannet.")
    assert headings(page)[1] == "Punkt 2: Klimaplan i MSB (10 min)"
    page.locator("#items > li", has_text="Klimaplan i MSB").locator("summary").click()
    expect(page.locator("#items > li", has_text="Klimaplan i MSB").locator(".richtext")
           ).to_contain_text("Sagen & baggrunden")
