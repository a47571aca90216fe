"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

One browser and one set of demo data serve the whole package; each test gets a fresh browser
context (cookies, storage), so tests do not see each other's log-ins.

The tests are marked `django_db` so that pytest-django creates the test database; the
transaction it wraps each test in is the test thread's own and leaves the demo data alone.

Outside CI a missing chromium or axe-core skips these tests with the reason; with CI=true it
fails them. `scripts/browser-setup.sh` installs both (apt and `npm ci`, never a browser
download).
"""

import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test import modify_settings, override_settings

from meetings.models import Meeting

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--no-first-run", "--disable-component-update", "--disable-sync"]
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SETUP_HINT = "run scripts/browser-setup.sh (make test does)"


def _missing(what: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what}; {SETUP_HINT}", pytrace=False)
    pytest.skip(f"{what}; {SETUP_HINT}")


DEMO_DATES = {  # the demo meetings (demo/data), with the status load_demo gives them
    "2023-03-06": "published",
    "2023-03-13": "published",
    "2023-09-04": "published",
    "2023-09-11": "minutes_approved",  # memos, attachments, follow-ups: the richest page
    "2023-09-20": "agenda_sent",  # the committee layout
}


@dataclass
class Site:
    url: str
    meetings: dict[str, Meeting]  # by date, as in DEMO_DATES

    def meeting_url(self, date: str = "2023-03-06") -> str:
        return self.url + self.meetings[date].get_absolute_url()


@pytest.fixture
def _media_in_tmp():
    """Overrides the per-test media folder of tests/conftest.py: the demo's attachment files
    are written once for the package (see `site`)."""


@pytest.fixture(scope="package")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's live server with the demo data, loaded once for all browser tests.

    The `live_server` fixture would make every test transactional, emptying the database after
    each one and so loading the demo data per test. Instead the data is committed once here,
    the server started on it, and the database emptied when the package is done. What the
    tests write through the browser (sessions, a few notes and comments) stays until then, so
    no test may depend on another's writes or on their absence.
    """
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock(), override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("media")), modify_settings(
            ALLOWED_HOSTS={"append": "localhost"}):
        call_command("load_demo", stdout=io.StringIO())
        meetings = {f"{m.date:%Y-%m-%d}": m for m in Meeting.objects.select_related("series")}
        assert {date: m.status for date, m in meetings.items()} == DEMO_DATES
        server = LiveServer("localhost")
        try:
            yield Site(url=server.url, meetings=meetings)
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)
            connections.close_all()


@pytest.fixture(scope="package")
def chromium():
    """Checked before the demo data is loaded, so that a missing browser skips at once."""
    if not Path(CHROMIUM).exists():
        _missing(f"Debian's chromium is not installed at {CHROMIUM}")
    return CHROMIUM


@pytest.fixture(scope="package")
def browser(chromium, site):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio event loop running in this thread, so Django's
    # async-safety check would refuse ORM calls made by the tests while the browser is open.
    # The calls are ordinary synchronous ones; allow them for the browser tests only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
            # Code run under Playwright has its own context and so its own database
            # connections (Django keeps them per context); close them while still in it,
            # or they stay open and keep the test database from being dropped.
            connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, site):
    """A fresh tab in a fresh context (no cookies), reading Danish, failing fast."""
    context = browser.new_context(base_url=site.url, locale="da-DK",
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, username: str, password: str | None = None):
    page.goto("/log-ind/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password or settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_load_state()


@pytest.fixture(scope="package")
def axe_source():
    if not AXE_JS.exists():
        _missing(f"axe-core is not installed at {AXE_JS}")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, axe_source: str) -> list[dict]:
    """Run axe-core on the page at WCAG 2.1 AA and return its violations.

    `page.evaluate` runs through the DevTools protocol, which the page's Content-Security-Policy
    (script-src 'self', no inline script) does not govern, so axe runs without weakening the
    policy under test."""
    page.evaluate(axe_source)
    return page.evaluate(
        """async (tags) => {
             const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                                     resultTypes: ["violations"]});
             return result.violations.map(v => ({
               id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
               nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}));
           }""",
        WCAG_21_AA,
    )


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}"
                     f" <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"    {json.dumps(node['target'])}: "
                         f"{(node['summary'] or '').replace(chr(10), ' / ')}")
    return "\n".join(lines)
