"""In the browser, the pages keep to their Content-Security-Policy: only our own scripts and
styles, htmx from static/, nothing inline, nothing fetched from elsewhere."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

# Installed before any page script runs; the DevTools protocol is not subject to the policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} `
    + `(${event.sourceFile}:${event.lineNumber})`);
});
"""


class Watch:
    def __init__(self, page, origin):
        self.page = page
        self.origin = origin
        self.console_errors = []
        self.foreign_requests = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)
        page.on("request", self._request)

    def _console(self, message):
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.console_errors.append(message.text)

    def _request(self, request):
        if not request.url.startswith((self.origin + "/", "data:")):
            self.foreign_requests.append(request.url)

    def problems(self) -> list[str]:
        return (self.page.evaluate("window.__cspViolations")
                + self.console_errors + [f"fetched {url}" for url in self.foreign_requests])


def _visit_every_page(page, site):
    page.goto("/log-ind/")
    yield "log-in page"
    page.goto("/")
    yield "public meeting list"
    page.goto(site.meeting_url())
    yield "public meeting page"
    log_in(page, "sekretaer")
    yield "meeting list after log-in"
    page.goto(site.meeting_url("2023-09-11"))
    page.locator("details.memo > summary").first.click()
    yield "meeting page of the secretariat"
    annotations = page.locator("details.annotations").first
    annotations.evaluate("details => { details.open = true; }")
    annotations.get_by_label("Ny delt kommentar").fill("Godt oplæg.")
    annotations.get_by_role("button", name="Del kommentar").click()
    expect(page.locator("details.annotations").first.locator(".comments")).to_contain_text(
        "Godt oplæg.")
    yield "meeting page after htmx swapped in a comment"
    page.goto(f"/moeder/{site.meetings['2023-09-11'].pk}/rediger/")
    yield "meeting editor"
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    with_memo = page.locator("#items > li", has=page.get_by_role(
        "link", name="Rediger indstillingen")).first.get_attribute("data-item")
    page.locator(f"#item-{with_memo}").get_by_role("link", name="Rediger indstillingen").click()
    expect(page.locator(f"#item-{with_memo} trix-editor").first).to_be_visible()
    yield "meeting editor with the rich text editor open"


def test_pages_cause_no_content_security_policy_violations(page, site):
    watch = Watch(page, site.url)
    for name in _visit_every_page(page, site):
        page.wait_for_load_state("networkidle")
        assert watch.problems() == [], f"{name} ({page.url})"
        # The rich text editor's one style element carries the page's nonce.
        inline = page.evaluate("document.querySelectorAll('script:not([src]), "
                               "style:not([nonce]), [style], [onclick], [onload], "
                               "[onerror]').length")
        assert inline == 0, f"{name} has inline script or style"


def test_htmx_loads_from_our_static_files_and_swaps_the_meeting_list(page, site):
    watch = Watch(page, site.url)
    log_in(page, "sekretaer")
    scripts = page.evaluate("[...document.scripts].map(s => new URL(s.src).pathname)")
    assert scripts == ["/static/vendor/htmx/htmx-2.0.11.min.js", "/static/js/referat.js"]
    assert page.evaluate("typeof window.htmx") == "object", "htmx ran"

    series_cells = page.locator("#meeting-results td:nth-child(3)")
    assert "Social- og Beskæftigelsesudvalget" in series_cells.all_inner_texts()

    page.get_by_label("Mødeserie").select_option(label="Rådmandsmøder 2022-2025")
    with page.expect_response(lambda r: "serie=" in r.url
                              and r.request.headers.get("hx-request") == "true") as swap:
        page.get_by_role("button", name="Vis").click()
    assert swap.value.status == 200
    expect(page).to_have_url(f"{site.url}/?serie={site.meetings["2023-03-06"].series_id}")
    expect(page.get_by_role("link", name="Rådmandsmøde 6. marts 2023")).to_be_visible()
    assert set(series_cells.all_inner_texts()) == {"Rådmandsmøder 2022-2025"}
    assert watch.problems() == []
