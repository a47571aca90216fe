"""The API shows the public exactly what the public may see, whoever asks: no closed item,
no closed Bilag, no draft or unpublished meeting, and an object that is not public answers
the same 404 as one that does not exist."""

import json

import pytest
from django.test import Client

from agendas.services import agenda_item_update
from agendas.services.bilag import attachment_update
from tests.factories import make_item, make_user, unlocked
from tests.oparl.conftest import CLOSED
from tests.oparl.crawl import API, crawl

pytestmark = pytest.mark.django_db

HIDDEN = [CLOSED, "UDKAST-3", "IKKEOFF-5"]


def _leaks(answers: dict[str, str]) -> list[str]:
    return [f"{url}: {text}" for url, body in answers.items() for text in HIDDEN if text in body]


def test_closed_items_closed_bilag_and_unpublished_meetings_never_appear(published,
                                                                         unpublished):
    answers = crawl()
    assert _leaks(answers) == []
    everything = "".join(answers.values())
    assert "Klimaplan for Aarhus" in everything and "Klimaplan 2030" in everything, "control"
    assert f"meeting/{published['meeting'].pk}/" in everything


def test_every_role_sees_the_public_content_only(published, unpublished, secretary, member,
                                                 outsider):
    admin = make_user("admin", is_superuser=True, is_staff=True)
    public = crawl()
    for user in (outsider, member, secretary, admin):
        client = Client()
        client.force_login(user)
        assert crawl(client) == public, user.username


def _not_found_urls(published, unpublished):
    draft, approved = unpublished["draft"], unpublished["approved"]
    closed_item = published["closed_item"]
    return [
        f"{API}meeting/{draft.pk}/", f"{API}meeting/{approved.pk}/",
        f"{API}meeting/{approved.pk}/results-protocol/", f"{API}meeting/{draft.pk}/invitation/",
        f"{API}meeting/{approved.pk}/location/", f"{API}paper/{closed_item.pk}/main-file/",
        f"{API}agenda-item/{draft.items.first().pk}/",
        f"{API}agenda-item/{approved.items.first().pk}/",
        f"{API}agenda-item/{closed_item.pk}/", f"{API}paper/{closed_item.pk}/",
        f"{API}consultation/{closed_item.pk}/",
        f"{API}file/{published['closed_bilag'].pk}/",
        f"{API}file/{closed_item.attachments.get().pk}/",
        f"{API}paper/{make_item(published['meeting'], title='Uden indstilling').pk}/",
    ]


@pytest.mark.parametrize("login", [None, "secretary", "member"])
def test_a_hidden_object_answers_the_same_404_as_an_unknown_one(request, published,
                                                                unpublished, login):
    client = Client()
    if login:
        client.force_login(request.getfixturevalue(login))
    unknown = client.get(f"{API}meeting/999999/")
    assert unknown.status_code == 404
    assert unknown["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(unknown.content)["type"] == "https://schema.oparl.org/1.1/Error"
    for url in _not_found_urls(published, unpublished):
        response = client.get(url)
        assert (response.status_code, response.content) == (404, unknown.content), url


def test_an_organization_without_a_published_meeting_is_not_public(unpublished):
    series = unpublished["draft"].series
    assert Client().get(f"{API}organization/{series.pk}/").status_code == 404
    assert Client().get(f"{API}organization/{series.pk}/meetings/").status_code == 404


def test_reclassifying_an_item_closed_removes_it_from_the_api_at_once(published):
    item, bilag = published["item"], published["open_bilag"]
    client = Client()
    before = client.get(f"{API}body/agenda-items/")
    assert "Klimaplan for Aarhus" in before.content.decode()

    with unlocked(item.meeting):
        agenda_item_update(item=item, expected_version=item.version, fields={"is_closed": True})

    answers = crawl()
    assert not [url for url, body in answers.items() if "Klimaplan" in body]
    for path in (f"agenda-item/{item.pk}/", f"paper/{item.pk}/", f"consultation/{item.pk}/",
                 f"file/{bilag.pk}/"):
        assert client.get(API + path).status_code == 404, path
    again = client.get(f"{API}body/agenda-items/", HTTP_IF_NONE_MATCH=before["ETag"],
                       HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert again.status_code == 200, "a client's kept copy is not current any more"


def test_closing_a_bilag_removes_it_at_once(published):
    bilag = published["open_bilag"]
    with unlocked(bilag.item.meeting):
        attachment_update(attachment=bilag, expected_version=bilag.version,
                          fields={"is_closed": True})
    assert Client().get(f"{API}file/{bilag.pk}/").status_code == 404
    assert not [url for url, body in crawl().items() if "Klimaplan 2030" in body]
