"""Every main page passes axe-core at WCAG 2.1 AA (wcag2a, wcag2aa, wcag21a, wcag21aa).

A page added later belongs in PAGES: a name and how a user gets there.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, describe_violations, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def _login_page(page, site):
    page.goto("/log-ind/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind")


def _login_page_after_a_wrong_password(page, site):
    log_in(page, "sekretaer", "forkert-kode")
    assert page.get_by_role("alert").is_visible()


def _locked_out_page(page, site):
    for _attempt in range(6):
        log_in(page, "gaetter", "forkert-kode")
    assert page.get_by_role("heading", name="For mange forsøg på at logge ind").is_visible()


def _meeting_list_public(page, site):
    page.goto("/")
    expect(page.get_by_role("link", name="Rådmandsmøder 2022-2025")).to_be_visible()


def _meeting_list_secretariat(page, site):
    log_in(page, "sekretaer")
    expect(page.get_by_text("Logget ind som Mads Sekretær")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Møder")


def _meeting_page_secretariat(page, site):
    log_in(page, "sekretaer")
    _open_meeting_page(page, site)


def _meeting_page_member(page, site):
    log_in(page, "medlem")
    expect(page.get_by_text("Logget ind som Mette Medlem")).to_be_visible()
    _open_meeting_page(page, site)


def _meeting_page_public(page, site):
    _open_meeting_page(page, site)
    expect(page.get_by_role("link", name="Log ind")).to_be_visible()


def _meeting_page_in_english(page, site):
    page.goto(site.meeting_url())
    page.get_by_label("Sprog").select_option("en")
    page.get_by_role("button", name="Skift sprog").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    _open_every_details(page)


def _page_not_found(page, site):
    response = page.goto("/moeder/999999/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Siden findes ikke")


def _open_meeting_page(page, site):
    page.goto(site.meeting_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("6. marts 2023")
    _open_every_details(page)
    assert page.locator("details[open]").count() > 0, "the memo of Punkt 6 is checked unfolded"


def _open_every_details(page):
    """Folded content (memos) is checked too: axe skips what is hidden."""
    for summary in page.locator("details:not([open]) > summary").all():
        summary.click()


PAGES = {
    "login": _login_page,
    "login-error": _login_page_after_a_wrong_password,
    "locked-out": _locked_out_page,
    "meeting-list-public": _meeting_list_public,
    "meeting-list-secretariat": _meeting_list_secretariat,
    "meeting-page-secretariat": _meeting_page_secretariat,
    "meeting-page-member": _meeting_page_member,
    "meeting-page-public": _meeting_page_public,
    "meeting-page-english": _meeting_page_in_english,
    "not-found": _page_not_found,
}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_21_aa_violations(page, site, axe_source, name):
    PAGES[name](page, site)
    violations = axe_violations(page, axe_source)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG 2.1 AA violation(s) on {page.url}:\n"
        + describe_violations(violations))
