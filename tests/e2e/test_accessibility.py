"""Every main page passes axe-core at WCAG 2.1 AA (wcag2a, wcag2aa, wcag21a, wcag21aa):
log-in, meeting list, every demo meeting as the secretariat, a member and the public, the
notes page, the error page, the search page (hits, none, bad input, a filter). A page added
later belongs in PAGES: a name and how a user gets there (a folded <details> is opened first,
since axe skips what is hidden).
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_DATES, axe_violations, describe_violations, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

PUBLISHED = [date for date, status in DEMO_DATES.items() if status == "published"]


def _login_page(page, site):
    page.goto("/log-ind/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind")


def _login_page_after_a_wrong_password(page, site):
    log_in(page, "sekretaer", "forkert-kode")
    expect(page.get_by_role("alert")).to_contain_text("Brugernavn eller adgangskode er forkert")


def _locked_out_page(page, site):
    for _attempt in range(6):
        log_in(page, "gaetter", "forkert-kode")
    expect(page.get_by_role("heading", level=1)).to_have_text("For mange forsøg på at logge ind")


def _meeting_list_public(page, site):
    page.goto("/")
    expect(page.get_by_role("link", name="Rådmandsmøde 6. marts 2023")).to_be_visible()


def _meeting_list_secretariat(page, site):
    log_in(page, "sekretaer")
    expect(page.get_by_text("Logget ind som Mads Sekretær")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Møder")


def _meeting_page(username, date):
    def visit(page, site):
        if username:
            log_in(page, username)
            expect(page.get_by_text("Logget ind som")).to_be_visible()
        page.goto(site.meeting_url(date))
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            site.meetings[date].date.strftime("%Y"))
        _open_every_details(page)
    return visit


def _meeting_page_in_english(page, site):
    page.goto(site.meeting_url())
    page.get_by_label("Sprog").select_option("en")
    page.get_by_role("button", name="Skift sprog").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    _open_every_details(page)


def _notes_page(page, site):
    log_in(page, "medlem")
    item = site.meetings["2023-09-11"].items.order_by("position").first()
    page.goto(f"/punkter/{item.pk}/noter/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Punkt 1")
    _open_every_details(page)


def _meeting_page_after_adding_a_note(page, site):
    """The annotations section after htmx has swapped it (a new note saved)."""
    _meeting_page("medlem", "2023-09-11")(page, site)
    annotations = page.locator("details.annotations").first
    annotations.get_by_label("Ny privat note").fill("Husk at spørge til økonomien.")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        annotations.get_by_role("button", name="Gem note").click()
    expect(page.locator("details.annotations").first.locator(".notes")).to_contain_text(
        "Husk at spørge til økonomien.")
    expect(page.locator("details.annotations h4.annotation-heading").first).to_have_text(
        "Mine noter")


def _page_not_found(page, site):
    response = page.goto("/moeder/999999/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Siden findes ikke")
    expect(page.get_by_role("link", name="Log ind").last).to_have_attribute(
        "href", "/log-ind/?next=%2Fmoeder%2F999999%2F")


def _series_page(page, site):
    log_in(page, "sekretaer")
    page.goto(f"/serier/{site.meetings['2023-09-11'].series_id}/")
    expect(page.get_by_role("link", name="Ny mødeindkaldelse")).to_be_visible()


def _meeting_create_page(page, site):
    log_in(page, "sekretaer")
    page.goto(f"/serier/{site.meetings['2023-09-11'].series_id}/nyt-moede/")
    expect(page.get_by_label("Dato")).to_be_visible()


def _editor(date, *, forms=False):
    """The meeting editor, every item unfolded; with `forms`, the header, an item, its memo (the
    rich text editor) and a Bilag opened as forms (nothing is saved)."""
    def visit(page, site):
        log_in(page, "sekretaer")
        page.goto(f"/moeder/{site.meetings[date].pk}/rediger/")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Rediger")
        _open_every_details(page)
        if forms:
            page.get_by_role("link", name="Rediger mødets oplysninger").click()
            expect(page.get_by_label("Mødested")).to_be_visible()
            first = page.locator("#items > li").first
            first.get_by_role("link", name="Rediger punktet").click()
            expect(first.locator("form.item-form")).to_be_visible()
            with_memo = page.locator("#items > li", has=page.get_by_role(
                "link", name="Rediger indstillingen")).first.get_attribute("data-item")
            memo = page.locator(f"#item-{with_memo}")
            memo.get_by_role("link", name="Rediger indstillingen").click()
            expect(memo.locator("trix-editor").first).to_be_visible()
            page.locator(".attachment").first.get_by_role("link", name="Rediger").click()
            expect(page.locator(".attachment form.editor-form")).to_be_visible()
    return visit


def _minutes_editor(date, *, after=None):
    """The minute taker's screen, every part unfolded; `after` does something in it first."""
    def visit(page, site):
        log_in(page, "sekretaer")
        page.goto(f"/moeder/{site.meetings[date].pk}/referat/skriv/")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Referat:")
        _open_every_details(page)
        if after:
            after(page)
    return visit


def _with_a_follow_up_being_edited(page):
    """A point from a phrase, a follow-up from the suggestion, opened for editing."""
    first = page.locator("li.minutes-item").first
    first.get_by_role("button", name="Godkendt.", exact=True).click()
    expect(first.locator(".decision-point textarea")).to_have_value("Godkendt.")
    first.locator("trix-editor").click()
    page.keyboard.insert_text("Kort drøftelse. FAS følger op.")
    expect(first.locator(".suggestion")).to_be_visible()
    first.locator(".suggestion").get_by_role("button").click()
    expect(first.locator(".follow-up-list")).to_contain_text("FAS")
    first.locator(".follow-up-list").get_by_role("link", name="Ret").click()
    expect(first.locator(".follow-up-list form")).to_be_visible()
    _open_every_details(page)


def _follow_up_board(username, query=""):
    def visit(page, site):
        log_in(page, username)
        page.goto(f"/opfoelgninger/{query}")
        expect(page.get_by_role("heading", level=1)).to_contain_text("pfølgninger")
    return visit


def _follow_up_panel(page, site):
    log_in(page, "sekretaer")
    page.goto(f"/moeder/{site.meetings['2023-09-11'].pk}/opfoelgning/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Opfølgning til")


def _phrases_page(page, site):
    log_in(page, "sekretaer")
    page.goto(f"/serier/{site.meetings['2023-09-11'].series_id}/standardtekster/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Standardtekster")


def _portal(page, site):
    page.goto("/portal/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Offentlige møder")


def _portal_series(query="", *, phone=False):
    def visit(page, site):
        if phone:
            page.set_viewport_size({"width": 360, "height": 740})
        page.goto(f"/portal/serier/{site.meetings['2023-03-06'].series_id}/{query}")
        expect(page.get_by_role("heading", level=2)).to_contain_text("Møder i 2023")
        if phone:  # readable at phone width: nothing wider than the screen
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    return visit


def _history_page(kind):
    """An item's history, the difference from its first version, and the series' audit."""
    def visit(page, site):
        from agendas.models import AgendaItem

        log_in(page, "sekretaer")
        meeting = site.meetings["2023-09-11"]
        item = meeting.items.filter(memo_template__isnull=False).order_by("position").first()
        first = AgendaItem.history.filter(id=item.pk).earliest("history_date").history_id
        path = {"item": f"/punkter/{item.pk}/historik/",
                "diff": f"/punkter/{item.pk}/historik/sammenlign/?fra=i{first}",
                "audit": f"/serier/{meeting.series_id}/historik/"}[kind]
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    return visit


def _search_page(username, name, *, phone=False):
    """The search page's answer: hits, none, bad input (said so), a filter."""
    def visit(page, site):
        if phone:
            page.set_viewport_size({"width": 360, "height": 740})
        if username:
            log_in(page, username)
            expect(page.get_by_text("Logget ind som")).to_be_visible()
        query, shown = SEARCHES[name]
        page.goto(f"/soeg/?{query}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Søg")
        expect(page.locator(shown).first).to_be_visible()
        if phone:  # readable at phone width: nothing wider than the screen
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    return visit


SEARCHES = {  # name -> (query, what the page then shows)
    "hits": ("q=m%C3%B8de", "ol.search-hits mark"),
    "no-hits": ("q=zzzxqy", "text=Ingen resultater."),
    "bad-input": ("q=a&serie=abc&fra=2023-13-40&side=x", ".search-notices"),
    "filtered": ("q=m%C3%B8de&type=decision", "ol.search-hits mark"),
}


def _open_every_details(page):
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


PAGES = {
    "login": _login_page,
    "login-error": _login_page_after_a_wrong_password,
    "locked-out": _locked_out_page,
    "meeting-list-public": _meeting_list_public,
    "meeting-list-secretariat": _meeting_list_secretariat,
    **{f"meeting-{date}-secretariat": _meeting_page("sekretaer", date) for date in DEMO_DATES},
    "meeting-2023-09-11-member": _meeting_page("medlem", "2023-09-11"),
    "meeting-2023-09-11-member-after-adding-a-note": _meeting_page_after_adding_a_note,
    "meeting-2023-09-20-committee-member": _meeting_page("udvalg", "2023-09-20"),
    **{f"meeting-{date}-public": _meeting_page(None, date) for date in PUBLISHED},
    "meeting-in-english": _meeting_page_in_english,
    "notes": _notes_page,
    "series-secretariat": _series_page,
    "meeting-create": _meeting_create_page,
    "editor-committee": _editor("2023-09-20"),
    "editor-with-forms-open": _editor("2023-09-11", forms=True),
    "minutes-editor-committee": _minutes_editor("2023-09-20"),
    "minutes-editor-approved": _minutes_editor("2023-09-11"),
    "minutes-editor-with-forms": _minutes_editor(
        "2023-09-20", after=_with_a_follow_up_being_edited),
    "follow-up-board-secretariat": _follow_up_board("sekretaer", "?status=alle"),
    "follow-up-board-mine": _follow_up_board("medlem", "?mine=1"),
    "follow-up-panel": _follow_up_panel,
    "phrases": _phrases_page,
    "not-found": _page_not_found,
    "portal": _portal,
    "portal-series": _portal_series(),
    "portal-series-bad-year": _portal_series("?aar=abc"),
    "portal-series-phone": _portal_series(phone=True),
    "meeting-list-phone": lambda page, site: (page.set_viewport_size({"width": 360, "height": 740}),
                                              _meeting_list_public(page, site)),
    "item-history": _history_page("item"),
    "item-history-diff": _history_page("diff"),
    "series-audit": _history_page("audit"),
    **{f"search-{name}-{username or 'public'}": _search_page(username, name)
       for name in SEARCHES for username in (None, "sekretaer")},
    "search-hits-phone": _search_page(None, "hits", phone=True),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_21_aa_violations(axe_source, page, site, name):
    PAGES[name](page, site)
    violations = axe_violations(page, axe_source)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG 2.1 AA violation(s) on {page.url}:\n"
        + describe_violations(violations))
