"""Every OParl object the API gives, and every list page, validates against the OParl 1.1.1
JSON schemas (tests/oparl/schemas), and the objects link each other by absolute URLs."""

import json

import pytest
from django.test import Client

from tests.oparl.crawl import crawl
from tests.oparl.schema import assert_valid, assert_valid_page

pytestmark = pytest.mark.django_db

API = "http://testserver/oparl/v1/"  # as tests/oparl/crawl.py says it
LISTS = ["bodies/", "body/organizations/", "body/meetings/", "body/agenda-items/",
         "body/papers/", "body/consultations/", "body/files/", "body/persons/",
         "body/legislative-terms/"]


def get(url: str) -> dict:
    response = Client().get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def test_the_system_leads_to_the_body_and_its_lists(published):
    system = get(API)
    assert_valid(system)
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    [body] = get(system["body"])["data"]
    assert_valid(body)
    assert get(body["id"]) == body
    assert "Aarhus Kommune" in body["name"]
    for name in ("organization", "meeting", "paper", "agendaItem", "consultation", "file",
                 "person", "legislativeTermList"):
        assert_valid_page(get(body[name]))


@pytest.mark.parametrize("path", LISTS)
def test_every_list_page_and_its_items_validate(published, path):
    page = get(API + path)
    assert_valid_page(page)
    for obj in page["data"]:
        assert get(obj["id"]) == obj, "a list shows an object as its own URL does"


def test_a_meeting_its_items_papers_consultation_and_files_validate(published):
    meeting = get(f"{API}meeting/{published['meeting'].pk}/")
    assert_valid(meeting)
    assert meeting["meetingState"] == "Offentliggjort"
    [organization_url] = meeting["organization"]
    organization = get(organization_url)
    assert_valid(organization)
    assert organization["name"] == "Rådmandsmøder 2022-2025"
    assert_valid_page(get(organization["meeting"]))

    [item] = meeting["agendaItem"]
    assert_valid(item)
    assert item["name"] == "Klimaplan for Aarhus"
    assert item["web"] == "http://testserver" + published["item"].get_absolute_url()
    assert meeting["web"] == "http://testserver" + published["meeting"].get_absolute_url()
    assert item["result"] == "Godkendt"
    assert "1) Godkendt." in item["resolutionText"]
    consultation = get(item["consultation"])
    assert_valid(consultation)
    assert consultation["meeting"] == meeting["id"]
    assert consultation["agendaItem"] == item["id"]
    assert consultation["organization"] == [organization_url]
    paper = get(consultation["paper"])
    assert_valid(paper)
    assert paper["reference"] == "24/01234"
    assert paper["paperType"] == "Indstilling"

    [embedded_file] = item["auxiliaryFile"]
    file = get(embedded_file["id"])
    assert_valid(file)
    assert file["name"] == "Klimaplan 2030"
    assert "Klimaplanens tekst" in file["text"]
    assert file["accessUrl"] == f"http://testserver/bilag/{published['open_bilag'].pk}/"


def test_a_meeting_has_its_place_agenda_and_minutes_and_a_paper_its_memo(published):
    meeting = get(f"{API}meeting/{published['meeting'].pk}/")
    assert meeting["location"]["description"] == "Rådhuset, M1"
    assert get(meeting["location"]["id"]) == meeting["location"]
    for kind, document in (("invitation", "dagsorden.pdf"), ("resultsProtocol", "referat.pdf")):
        assert_valid(meeting[kind])
        assert get(meeting[kind]["id"]) == meeting[kind]
        assert meeting[kind]["accessUrl"].endswith(f"/moeder/{published['meeting'].pk}/{document}")
    paper = get(f"{API}paper/{published['item'].pk}/")
    assert get(paper["mainFile"]["id"]) == paper["mainFile"]
    assert paper["mainFile"]["accessUrl"].endswith(
        f"/punkter/{published['item'].pk}/indstilling.pdf")
    response = Client().get(paper["mainFile"]["accessUrl"])
    assert response.status_code == 200, "anyone may read a public memo's PDF"


def test_the_file_urls_download_the_open_bilag_for_anyone(published):
    file = get(f"{API}file/{published['open_bilag'].pk}/")
    for url in (file["accessUrl"], file["downloadUrl"]):
        response = Client().get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_objects_are_dated_and_texts_danish_whatever_the_browser_asks(published):
    response = Client().get(f"{API}meeting/{published['meeting'].pk}/",
                            HTTP_ACCEPT_LANGUAGE="en")
    meeting = json.loads(response.content)
    assert meeting["meetingState"] == "Offentliggjort"
    assert response["Last-Modified"]
    assert meeting["modified"] and meeting["created"]
    assert meeting["start"].endswith("+01:00") or meeting["start"].endswith("+02:00")


def test_every_answer_the_api_links_to_validates(published):
    answers = crawl()
    kinds = set()
    for body in answers.values():
        answer = json.loads(body)
        if "data" in answer:
            assert_valid_page(answer)
        else:
            assert_valid(answer)
            kinds.add(answer["type"].rsplit("/", 1)[-1])
    assert kinds == {"System", "Body", "Organization", "Meeting", "Location", "AgendaItem",
                     "Paper", "Consultation", "File"}


def test_a_cancelled_meeting_is_cancelled_in_the_api_at_once(published, secretary):
    from meetings.services import meeting_cancel

    meeting = published["item"].meeting
    url = f"{API}meeting/{meeting.pk}/"
    before = Client().get(url)
    assert json.loads(before.content)["cancelled"] is False

    meeting_cancel(meeting=meeting, by=secretary, reason="Rådmanden er syg")

    again = Client().get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert again.status_code == 200
    assert_valid(json.loads(again.content))
    assert json.loads(again.content)["cancelled"] is True
