"""The English translation: a complete catalogue, compiled, and an English UI for whoever picks
English in the language menu, while Danish stays the default whatever the browser asks for."""

import ast
import datetime as dt
import gettext
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from decisions.models import Outcome
from meetings.models import Meeting
from tests.factories import make_decision, make_item, make_meeting, make_recommendations

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PO_FILE = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")
# The same as `make messages`: what is not the app's own UI stays out of the catalogue.
IGNORED = [".venv/*", "var/*", "tests/*", "benchmarks/*", "demo/data/*"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file as written by makemessages: flags, msgctxt, msgid,
    msgid_plural and the msgstr(s). Obsolete (#~) entries are left out."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, key = {"flags": set()}, None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[key] += ast.literal_eval(line)
            else:
                key, value = line.split(" ", 1)
                entry[key] = ast.literal_eval(value)
        if "msgid" in entry and entry["msgid"]:  # not the header, not obsolete
            entries.append(entry)
    return entries


def translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_every_entry_of_the_english_catalogue_is_translated_and_checked():
    entries = read_po(PO_FILE)
    untranslated = [e["msgid"] for e in entries if not all(translations(e))]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert len(entries) > 300
    assert untranslated == []
    assert fuzzy == []


def test_plural_entries_have_both_english_forms():
    plurals = [e for e in read_po(PO_FILE) if "msgid_plural" in e]
    assert plurals
    for entry in plurals:
        assert entry.get("msgstr[0]") and entry.get("msgstr[1]"), entry["msgid"]


def test_translations_keep_every_placeholder_of_the_danish_text():
    for entry in read_po(PO_FILE):
        danish = [entry["msgid"], entry.get("msgid_plural", entry["msgid"])]
        for index, english in enumerate(translations(entry)):
            source = danish[min(index, 1)]
            assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(source)), \
                entry["msgid"]


def test_the_compiled_catalogue_holds_exactly_what_the_po_file_says():
    """The app reads the .mo (committed, so a machine without gettext runs it): it must be
    compiled from the current .po. Compared by content, not by date."""
    expected = {}
    for entry in read_po(PO_FILE):
        msgid = entry["msgid"]
        if "msgctxt" in entry:
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        if "msgid_plural" in entry:
            expected[(msgid, 0)] = entry["msgstr[0]"]
            expected[(msgid, 1)] = entry["msgstr[1]"]
        else:
            expected[msgid] = entry["msgstr"]
    with MO_FILE.open("rb") as handle:
        compiled = dict(gettext.GNUTranslations(handle)._catalog)
    compiled.pop("", None)  # the header
    assert compiled == expected, "run `make messages` and commit locale/"


@pytest.mark.skipif(shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
                    reason="needs GNU gettext (apt-get install gettext)")
def test_the_catalogue_has_every_translatable_text_of_the_code(tmp_path, monkeypatch):
    """A Danish text added to the code without an English translation shows up in Danish in
    the English UI. makemessages runs on a copy of the catalogue, in a tree of links to the
    code without locale/ (makemessages writes to a ./locale it finds), so the real
    catalogue is left alone."""
    code = tmp_path / "code"
    code.mkdir()
    for child in Path(settings.BASE_DIR).iterdir():
        if child.name != "locale" and not child.name.startswith("."):
            (code / child.name).symlink_to(child)
    copy = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(PO_FILE, copy)
    monkeypatch.chdir(code)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [tmp_path / "locale"])
    call_command("makemessages", locale=["en"], ignore_patterns=IGNORED, symlinks=True,
                 verbosity=0)

    def keys(path):
        return {(e.get("msgctxt"), e["msgid"]) for e in read_po(path)}

    in_code, in_catalogue = keys(copy), keys(PO_FILE)
    assert sorted(in_code - in_catalogue) == [], "new texts: run `make messages`, translate them"
    assert sorted(in_catalogue - in_code) == [], "texts gone from the code: run `make messages`"


# Through HTTP: what a user sees after choosing English in the footer's language menu.

DANISH_CHROME = ["Møder", "Log ind", "Log ud", "Logget ind", "Sprog", "Skift sprog",
                 "Spring til indholdet", "Hovedmenu", "dagsordener og referater", "Genindlæs"]


def choose(client, language):
    response = client.post("/sprog/", {"language": language, "next": "/"})
    assert response.status_code == 302


def chrome(html: str) -> str:
    """The parts of every page around its content: header, error banner texts, footer —
    without the language menu's own options, each named in its own language ("Dansk")."""
    top = html[html.index("<body"):html.index("<main")]
    footer = html[html.index("<footer"):html.index("</footer>")]
    return top + re.sub(r"<option.*?</option>", "", footer, flags=re.S)


@pytest.fixture
def published_meeting(series):
    meeting = make_meeting(series, date=dt.date(2023, 3, 6), status=Meeting.Status.PUBLISHED,
                           items=["Dagsorden", "Referat"])
    item = make_item(meeting, title="Klimaplan i MSB", minutes=10)
    points = make_recommendations(item, "at rådmanden godkender klimaplanen")
    make_decision(item, text="<p>Drøftet.</p>",
                  points=[("Klimaplanen blev godkendt.", Outcome.GODKENDT, points)],
                  follow_ups=[("Planen sendes til udvalget.", "FAS")])
    return meeting


@pytest.mark.django_db
def test_after_choosing_english_the_meeting_list_is_in_english(client, published_meeting):
    choose(client, "en")
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    assert "<h1>Meetings</h1>" in html
    for text in ["Log in", "Skip to content", "Main menu", "Language", "Change language",
                 "meetings, agendas and minutes", "Past meetings", "Meeting series",
                 "All meeting series", "Published", "6 March 2023"]:
        assert text in html, text
    for danish in DANISH_CHROME:
        assert danish not in chrome(html), danish
    assert not re.search("[æøåÆØÅ]", chrome(html))
    assert "Offentliggjort" not in html


@pytest.mark.django_db
def test_after_choosing_english_a_meeting_page_is_in_english(client, member, published_meeting):
    client.force_login(member)
    choose(client, "en")
    html = client.get(published_meeting.get_absolute_url()).content.decode()
    assert '<html lang="en"' in html
    for text in ["Logged in as Mette Medlem", "Log out", "Alderman&#x27;s meeting 6 March 2023",
                 "Item 1: Dagsorden", "Item 2: Referat", "Item 3: Klimaplan i MSB", "(10 min)",
                 "Documents", "Agenda (PDF)", "Complete pack", "Download complete pack",
                 "Decision on Item 3: Klimaplan i MSB", "Re 1)", "Follow-up", "(open)",
                 "Notes and comments", "My notes", "Save note", "Shared comments"]:
        assert text in html, text
    for danish in ["Punkt 1:", "Beslutning for", "Opfølgning", "Ad 1)", "Dokumenter",
                   "Samlet dokument", "Noter og kommentarer", "Gem note", "Offentliggjort"]:
        assert danish not in html, danish
    for danish in DANISH_CHROME:
        assert danish not in chrome(html), danish
    assert not re.search("[æøåÆØÅ]", chrome(html))


@pytest.mark.django_db
def test_error_pages_follow_the_chosen_language(client):
    choose(client, "en")
    response = client.get("/moeder/999999/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_danish_stays_the_default_for_a_browser_asking_for_english(client, published_meeting):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="da"' in html
    assert "<h1>Møder</h1>" in html
    assert "Log ind" in html
    assert "6. marts 2023" in html
    assert "Meetings" not in html


@pytest.mark.django_db
def test_choosing_danish_again_brings_the_danish_ui_back(client, published_meeting):
    choose(client, "en")
    choose(client, "da")
    html = client.get(published_meeting.get_absolute_url(),
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="da"' in html
    assert "Punkt 3: Klimaplan i MSB" in html
    assert "Beslutning for Punkt 3" in html
    assert "Ad 1)" in html
