"""Every main page passes the Nu Html Checker (vnu-jar, pinned in tests/e2e/package.json)
with 0 errors: the meeting list, a series, every demo meeting for each role, the editor, the
minute taker's screen, the follow-up board, the portal, the log-in, the 404 page, the
admin's meeting form, and the search page with its htmx answer.

The pages are rendered by Django's test client over the demo data (loaded once for the
module and rolled back after it) and checked in one run of the checker. Outside CI a missing
Java or vnu.jar skips the test; with CI=true it fails (scripts/browser-setup.sh installs both).
"""

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from agendas.models import Comment, Note
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

VNU_JAR = Path(os.environ.get("VNU_JAR") or Path(__file__).parents[1] / "e2e" / "node_modules"
               / "vnu-jar" / "build" / "dist" / "vnu.jar")
ROLES = [None, "medlem", "udvalg", "sekretaer"]
SEARCHES = {  # name -> (query, what the answer shows)
    "hits": ("q=m%C3%B8de", "<mark>"),
    "no-hits": ("q=zzzxqy", "Ingen resultater."),
    "bad-input": ("q=a&serie=abc&fra=2023-13-40&side=x", "search-notices"),
    "filtered": ("q=m%C3%B8de&type=decision", "<mark>"),
}
# An htmx fragment is checked inside a minimal document, as the page it is swapped into; a
# <title> at its top is the page's title for htmx, so it goes in the head.
FRAGMENT_PAGE = ('<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">{title}</head>'
                 '<body><main>{body}</main></body></html>')
TITLE_ON_TOP = re.compile(r"\A\s*(<title>.*?</title>)", re.DOTALL)


def _checker() -> list[str]:
    java = shutil.which("java")
    missing = [what for what, ok in (("java", java), (str(VNU_JAR), VNU_JAR.exists())) if not ok]
    if missing:
        reason = f"the Nu Html Checker needs {' and '.join(missing)}; run scripts/browser-setup.sh"
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return [java, "-Xss1024k", "-jar", str(VNU_JAR)]


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, demo_media):
    """Replaces tests/conftest.py's fixture: the demo's files are written once per module."""
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    with (django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media),
          transaction.atomic()):
        call_command("load_demo", stdout=io.StringIO())
        # A note and a comment, so the annotations (with their <time>) are drawn too.
        member = get_user_model().objects.get(username="medlem")
        item = Meeting.objects.get(date="2023-09-11").items.order_by("position").first()
        Note.objects.create(item=item, author=member, text="Husk at spørge til økonomien.")
        Comment.objects.create(item=item, author=member, text="Jeg kommer ti minutter senere.")
        yield
        transaction.set_rollback(True)


def _pages() -> dict[str, tuple]:
    """name -> (username or None, URL[, True for the htmx fragment])"""
    meetings = list(Meeting.objects.order_by("date"))
    series = meetings[0].series_id
    pages = {
        "meeting-list-public": (None, "/"),
        "meeting-list-bad-filter": (None, "/?serie=abc"),
        "meeting-list-secretariat": ("sekretaer", "/"),
        "series-secretariat": ("sekretaer", f"/serier/{series}/"),
        "series-public": (None, f"/serier/{series}/"),
        "follow-up-board-secretariat": ("sekretaer", "/opfoelgninger/?status=alle"),
        "follow-up-board-mine": ("medlem", "/opfoelgninger/?mine=1"),
        "portal": (None, "/portal/"),
        "portal-series": (None, f"/portal/serier/{series}/"),
        "portal-series-bad-year": (None, f"/portal/serier/{series}/?aar=abc"),
        "portal-series-secretariat": ("sekretaer", f"/portal/serier/{series}/"),
        "login": (None, "/log-ind/"),
        "not-found": (None, "/moeder/999999/"),
        "not-found-logged-in": ("medlem", "/moeder/999999/"),
        "admin-meeting": ("sekretaer", f"/admin/meetings/meeting/{meetings[-1].pk}/change/"),
    }
    for name, (query, _shown) in SEARCHES.items():
        for role in (None, "sekretaer"):
            pages[f"search-{name}-{role or 'public'}"] = (role, f"/soeg/?{query}")
            pages[f"search-{name}-{role or 'public'}-fragment"] = (role, f"/soeg/?{query}", True)
    for meeting in meetings:
        for role in ROLES:
            pages[f"meeting-{meeting.date}-{role or 'public'}"] = (role, f"/moeder/{meeting.pk}/")
        pages[f"editor-{meeting.date}"] = ("sekretaer", f"/moeder/{meeting.pk}/rediger/")
        pages[f"minutes-editor-{meeting.date}"] = ("sekretaer",
                                                  f"/moeder/{meeting.pk}/referat/skriv/")
    return pages


def test_every_main_page_passes_the_nu_html_checker(demo, tmp_path):
    checker = _checker()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=ROLES)}
    files = {}
    for name, (username, url, *fragment) in _pages().items():
        client = Client()
        if username:
            client.force_login(users[username])
        response = client.get(url, headers={"HX-Request": "true"} if fragment else {})
        assert response.status_code in (200, 404), f"{name} {url}: {response.status_code}"
        if "text/html" not in response["Content-Type"]:
            continue
        path = tmp_path / f"{name}.html"
        content = response.content.decode()
        for search, (_query, shown) in SEARCHES.items():
            if name.startswith(f"search-{search}-"):
                assert shown in content, f"{name}: {shown!r} is shown"
        if fragment:
            assert "<html" not in content, f"{name}: a fragment, not the page"
            title = TITLE_ON_TOP.match(content)
            content = FRAGMENT_PAGE.format(
                title=title[1] if title else "<title>Fragment</title>",
                body=content[title.end():] if title else content)
        path.write_text(content, encoding="utf-8")
        files[str(path)] = name
    assert len(files) > 30, "the demo's meetings and roles are all drawn"

    run = subprocess.run([*checker, "--errors-only", "--format", "json", *files],
                         capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).stem}:{m.get('lastLine')}: {m['message']}"
              f" [{m.get('extract', '').strip()[:120]}]"
              for m in messages if m.get("type") == "error"]
    assert errors == [], "\n".join(errors)
