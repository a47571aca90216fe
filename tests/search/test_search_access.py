"""Who finds what: search shows each role exactly what the pages show them. A closed item's
text and a closed Bilag's text reach nobody outside the series, in results or snippets."""

import pytest
from django.test import Client
from django.urls import reverse

from agendas.services import agenda_item_update
from agendas.services.bilag import attachment_update
from meetings.models import Meeting
from tests.factories import (
    make_attachment,
    make_decision,
    make_item,
    make_meeting,
    make_series,
    make_user,
    unlocked,
)

pytestmark = pytest.mark.django_db

# One distinct word per place; every text also carries the shared word, so one search for
# it returns everything a role may see.
SHARED = "fællesord"
WORDS = {
    "open_item": "åbentord", "closed_item": "lukketord", "open_bilag": "bilagsord",
    "closed_bilag": "skjultdokumentord", "closed_decision": "lukketbeslutningsord",
    "open_decision": "åbenbeslutningsord", "follow_up": "opfølgningsord",
    "hidden_meeting_item": "referatord", "draft_item": "kladdeord",
    "minutes_draft_decision": "udkastord", "draft_meeting": "kladdemødeord",
}


@pytest.fixture
def contents(series):
    published = make_meeting(series, status=Meeting.Status.PUBLISHED)
    open_item = make_item(published, title=f"Skoleudbygning {WORDS['open_item']} {SHARED}")
    closed_item = make_item(published, title="Personalesag", is_closed=True,
                            text=f"<p>{WORDS['closed_item']} {SHARED}</p>")
    with unlocked(published):
        make_attachment(open_item, title="Åbent bilag", text=f"{WORDS['open_bilag']} {SHARED}")
        make_attachment(open_item, title="Lukket bilag", is_closed=True,
                        text=f"{WORDS['closed_bilag']} {SHARED}")
        make_decision(closed_item, text=f"<p>{WORDS['closed_decision']} {SHARED}</p>",
                      follow_ups=[(f"{WORDS['follow_up']} {SHARED}", "FAS")])
        make_decision(open_item, text=f"<p>{WORDS['open_decision']} {SHARED}</p>")
    hidden = make_meeting(series, status=Meeting.Status.MINUTES_APPROVED)
    make_item(hidden, title=f"Busplan {WORDS['hidden_meeting_item']} {SHARED}")
    draft = make_meeting(series, status=Meeting.Status.DRAFT,
                         information=f"<p>{WORDS['draft_meeting']} {SHARED}</p>")
    make_item(draft, title=f"Vejplan {WORDS['draft_item']} {SHARED}")
    minutes = make_meeting(series, status=Meeting.Status.MINUTES_DRAFT)
    with unlocked(minutes):
        make_decision(make_item(minutes, title="Cykelsti"),
                      text=f"<p>{WORDS['minutes_draft_decision']} {SHARED}</p>")
    return {"published": published, "open_item": open_item, "closed_item": closed_item}


PUBLIC = {"open_item", "open_bilag", "open_decision"}
MEMBER = PUBLIC | {"closed_item", "closed_bilag", "closed_decision", "follow_up",
                   "hidden_meeting_item"}
EVERYTHING = set(WORDS)


def client_for(role, request):
    client = Client()
    users = {
        "anonymous": None,
        "outsider": lambda: request.getfixturevalue("outsider"),
        "member": lambda: request.getfixturevalue("member"),
        "secretary": lambda: request.getfixturevalue("secretary"),
        "admin": lambda: make_user("chef", is_superuser=True, is_staff=True),
    }
    if users[role]:
        client.force_login(users[role]())
    return client


def found(client, query=SHARED, **params) -> set[str]:
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    page = response.content.decode().replace("<mark>", "").replace("</mark>", "")
    results = page[page.index('id="search-results"'):page.index("</main>")]
    return {name for name, word in WORDS.items() if word in results}


@pytest.mark.parametrize(("role", "sees"), [
    ("anonymous", PUBLIC), ("outsider", PUBLIC), ("member", MEMBER),
    ("secretary", EVERYTHING), ("admin", EVERYTHING),
])
def test_each_role_finds_what_its_pages_show(contents, role, sees, request):
    assert found(client_for(role, request)) == sees


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
@pytest.mark.parametrize("place", sorted(EVERYTHING - PUBLIC))
def test_no_word_of_closed_or_unreleased_content_is_found_outside_the_series(contents, role,
                                                                              place, request):
    """Searched for by its own word, in every kind: not in a result, title or snippet."""
    client = client_for(role, request)
    assert found(client, WORDS[place]) == set()
    for kind in ("meeting", "item", "decision", "follow_up", "attachment"):
        assert found(client, WORDS[place], type=kind) == set()


def test_a_closed_item_is_found_by_title_alone_by_nobody_outside(contents, request):
    """A closed item's title is on the public agenda ("Lukket punkt"), but search does not
    lead to it: its entry is not public at all."""
    page = client_for("anonymous", request).get(
        reverse("search"), {"q": "personalesag"}).content.decode()
    results = page[page.index('id="search-count"'):page.index("</main>")]
    assert "Ingen resultater." in results and "personalesag" not in results.lower()


def test_reclassifying_an_item_closed_takes_it_out_of_public_search_at_once(contents,
                                                                             request):
    anonymous, member = client_for("anonymous", request), client_for("member", request)
    item = contents["open_item"]
    assert "open_item" in found(anonymous)

    with unlocked(contents["published"]):
        agenda_item_update(item=item, expected_version=item.version, fields={"is_closed": True})

    assert found(anonymous) == set()  # its Bilag and decision went with it
    assert {"open_item", "open_bilag", "open_decision"} <= found(member)


def test_reclassifying_a_bilag_closed_takes_its_text_out_at_once(contents, request):
    anonymous = client_for("anonymous", request)
    attachment = contents["open_item"].attachments.get(title="Åbent bilag")
    assert "open_bilag" in found(anonymous)

    with unlocked(contents["published"]):
        attachment_update(attachment=attachment, expected_version=attachment.version,
                          fields={"is_closed": True})

    assert "open_bilag" not in found(anonymous)
    assert "open_bilag" in found(client_for("member", request))


def test_a_follow_up_is_found_by_its_owner_from_another_series(series, outsider):
    """FollowUp's own rule: an owner outside the series sees what was asked of them, once
    the minutes are approved, and nothing else of the item."""
    meeting = make_meeting(series, status=Meeting.Status.MINUTES_APPROVED)
    item = make_item(meeting, title="Rengøring")
    with unlocked(meeting):
        make_decision(item, text="<p>Tilbudsord drøftet.</p>",
                      follow_ups=[("Indhent tilbudsord fra leverandøren", outsider)])
    client = Client()
    client.force_login(outsider)
    page = client.get(reverse("search"), {"q": "tilbudsord"}).content.decode()
    page = page[page.index('id="search-count"'):]

    assert "Indhent" in page and "1 resultat" in page
    assert "drøftet" not in page


def test_a_series_filter_names_only_series_the_viewer_may_see(contents, request):
    hidden = make_series(name="Direktionens lukkede serie")
    make_meeting(hidden, status=Meeting.Status.AGENDA_SENT)
    page = client_for("anonymous", request).get(
        reverse("search"), {"q": SHARED, "serie": hidden.pk}).content.decode()

    assert "Direktionens lukkede serie" not in page
    assert "Mødeserien i filteret findes ikke" in page


def test_entries_not_yet_brought_up_to_date_are_left_out(contents, request, monkeypatch):
    """A backlog (the first indexing of a large database) is written a batch at a time; a
    search meanwhile leaves out every meeting whose entries are older than the meeting, so
    an item just closed is not shown from its old entry."""
    from search import query

    anonymous = client_for("anonymous", request)
    assert "open_item" in found(anonymous)
    AgendaItem = type(contents["open_item"])
    AgendaItem.objects.filter(pk=contents["open_item"].pk).update(is_closed=True)
    monkeypatch.setattr(query, "REFRESH_BUDGET", -1)  # no time to write anything

    assert found(anonymous) == set()
    in_published = MEMBER - {"hidden_meeting_item"}
    assert not found(client_for("secretary", request)) & in_published  # the meeting waits
    monkeypatch.undo()
    assert found(anonymous) == set() and "open_item" in found(client_for("member", request))
