"""The archive variant (PDF/A-3b) keeps the decisions as data: the minutes, alone or as the
lead of the pack, carry the meeting's record as JSON, an associated file with
AFRelationship /Data, and what it says is what the database says."""

import io
import json

import pikepdf
import pytest
from pikepdf import pdfa

from decisions.models import FollowUp
from documents import services
from documents.pdf import render, store
from meetings.models import Meeting
from tests.documents.builders import rich_meeting
from tests.factories import make_series, make_user, unlocked

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archived(module_db):
    secretary = make_user("arkiv-sekretaer", first_name="Mads", last_name="Sekretær")
    member = make_user("arkiv-medlem")
    series = make_series(name="Rådmandsmøder 2022-2025", secretariat=[secretary],
                         members=[member], minutes_form="with_agenda")
    meeting = rich_meeting(series, status=Meeting.Status.PUBLISHED)
    klima = meeting.items.get(title="Klimaplan i MSB")
    follow_up = klima.decision.follow_ups.get()
    with unlocked(meeting):
        FollowUp.objects.filter(pk=follow_up.pk).update(due_date="2023-10-01")
        FollowUp.objects.create(decision=klima.decision, description="Sagen sendes til udvalget.",
                                owner_user=secretary, opened_on="2023-09-11")
    documents = {
        "minutes": services.minutes_pdf(meeting=meeting, user=secretary, variant=render.ARCHIVE),
        "pack": services.pack_pdf(services.pack_plan(meeting=meeting, user=member,
                                                     variant=render.ARCHIVE)),
        "agenda": services.agenda_pdf(meeting=meeting, user=member, public=True,
                                      variant=render.ARCHIVE),
        "tagged minutes": services.minutes_pdf(meeting=meeting, user=secretary),
    }
    return meeting, {name: store.read(document) for name, document in documents.items()}


def embedded(data: bytes) -> tuple[str, dict, pikepdf.Object]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        (name, spec), = pdf.attachments.items()
        associated = list(pdf.Root.AF)
        assert [f.objgen for f in associated] == [spec.obj.objgen]
        assert spec.relationship == pikepdf.Name.Data
        assert spec.get_file().mime_type == "application/json"
        return name, json.loads(spec.get_file().read_bytes()), spec.description


@pytest.mark.parametrize("kind", ["minutes", "pack"])
def test_the_archived_minutes_carry_every_decision_as_data(archived, kind):
    meeting, documents = archived
    name, record, description = embedded(documents[kind])
    assert name == "referat-2023-09-11.json"
    assert description.startswith("Referat: Rådmandsmøder 2022-2025 11-09-2023")
    assert record["document"] == "referat"
    assert record["meeting"]["date"] == "2023-09-11"
    assert record["meeting"]["status"] == "published"
    items = meeting.items.order_by("position").prefetch_related(
        "recommendations", "decision__points__answers", "decision__follow_ups")
    assert [(i["number"], i["title"]) for i in record["items"]] == [
        (item.number, item.title) for item in items]
    for data, item in zip(record["items"], items, strict=True):
        assert data["recommendations"] == [{"number": r.number, "text": r.text}
                                           for r in item.recommendations.all()]
        decision = item.decision
        assert [(p["number"], p["text"], p["outcome"], p["answers"])
                for p in data["decision"]["points"]] == [
            (p.number, p.text, p.outcome, sorted(r.number for r in p.answers.all()))
            for p in decision.points.all()]
        assert [(f["description"], f["owner"], f["due_date"]) for f in
                data["decision"]["follow_ups"]] == [
            (f.description, f.owner, f.due_date.isoformat() if f.due_date else None)
            for f in decision.follow_ups.all()]


def test_the_record_says_what_was_decided_in_words_a_reader_can_check(archived):
    _meeting, documents = archived
    _name, record, _description = embedded(documents["minutes"])
    klima = next(i for i in record["items"] if i["title"] == "Klimaplan i MSB")
    assert klima["decision"]["points"][0] == {
        "number": 1, "text": "Rådmanden godkendte at klimaplanen sendes frem.",
        "outcome": "godkendt", "outcome_label": "Godkendt", "answers": [1]}
    assert klima["decision"]["follow_ups"] == [
        {"description": "Projektlederen hos MØB følger op.", "owner": "MØB",
         "owner_is_person": False, "due_date": "2023-10-01", "status": "open"},
        {"description": "Sagen sendes til udvalget.", "owner": "Mads Sekretær",
         "owner_is_person": True, "due_date": None, "status": "open"}]
    assert klima["decision"]["text"] == "Økonomichef Michael Justesen gav en indledende " \
                                        "orientering."


def test_a_public_archived_agenda_holds_no_closed_content_and_no_decisions(archived):
    _meeting, documents = archived
    name, record, _description = embedded(documents["agenda"])
    assert name == "dagsorden-2023-09-11.json" and record["public"] is True
    assert all("decision" not in item for item in record["items"])
    text = json.dumps(record, ensure_ascii=False)
    assert "Personalesag" in text  # the closed item's number and title, as in print
    assert "Fortrolig personsag" not in text and "Fortroligt regnestykke" not in text


@pytest.mark.parametrize("kind", ["minutes", "pack", "agenda"])
def test_the_archive_variant_is_declared_pdfa_3b_and_breaks_none_of_its_rules(archived, kind):
    _meeting, documents = archived
    with pikepdf.open(io.BytesIO(documents[kind])) as pdf, pdf.open_metadata() as meta:
        assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "B"
        assert "/OutputIntents" in pdf.Root
    report = pdfa.validate_written(io.BytesIO(documents[kind]), "3b")
    # pikepdf approves only what it knows; WeasyPrint's (empty) pattern and shading
    # resources are "not checked", but nothing may be a violation.
    assert [str(f) for f in report.findings if f.kind == "violation"] == []


def test_the_everyday_variant_embeds_nothing(archived):
    _meeting, documents = archived
    with pikepdf.open(io.BytesIO(documents["tagged minutes"])) as pdf:
        assert len(pdf.attachments) == 0 and "/AF" not in pdf.Root
