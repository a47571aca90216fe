"""A document renders once per content version and is served from storage after that; an
edit makes a new version, and only the parts that show the edit render again."""

import pytest

from common.richtext import text_to_html
from documents import services
from documents.models import RenderedDocument
from documents.pdf import render
from meetings.models import Meeting
from tests.documents.builders import TEMPLATE_A, fill_sections
from tests.documents.pdftext import pdf_text
from tests.factories import make_attachment, make_item, make_meeting


@pytest.fixture
def renders(monkeypatch):
    """Every WeasyPrint rendering, by the title of the document rendered."""
    calls = []
    real = render.html_to_pdf

    def counting(html, **kwargs):
        calls.append(html.split("<title>", 1)[1].split("</title>", 1)[0])
        return real(html, **kwargs)

    monkeypatch.setattr(render, "html_to_pdf", counting)
    return calls


@pytest.fixture
def small_meeting(series):
    from meetings.models import MemoTemplate
    template = MemoTemplate.objects.create(name="A", layout="A", sections=TEMPLATE_A)
    meeting = make_meeting(series, status=Meeting.Status.AGENDA_SENT)
    first = make_item(meeting, title="Klimaplan i MSB", memo_template=template, minutes=10)
    second = make_item(meeting, title="Integration", memo_template=template, minutes=10)
    fill_sections(first, {"SAGSFREMSTILLING": "Første tekst."})
    fill_sections(second, {"SAGSFREMSTILLING": "Anden tekst."})
    make_attachment(first, text="Bilag", pages=2, title="Budget")
    return meeting


def test_second_request_is_served_from_storage_without_rendering(small_meeting, member, renders):
    first = services.agenda_pdf(meeting=small_meeting, user=member)
    assert len(renders) == 1
    again = services.agenda_pdf(meeting=small_meeting, user=member)
    assert again.pk == first.pk and len(renders) == 1
    assert first.file.storage.exists(first.file.name)


def test_an_edit_that_changes_the_document_gives_a_new_version(small_meeting, member, renders):
    before = services.agenda_pdf(meeting=small_meeting, user=member)
    item = small_meeting.items.get(title="Integration")
    item.text = text_to_html("Ny tekst fra sekretariatet.")
    item.save()
    after = services.agenda_pdf(meeting=small_meeting, user=member)
    assert after.key != before.key
    assert "Ny tekst fra sekretariatet." in pdf_text(after.file.open("rb").read())
    assert "Ny tekst fra sekretariatet." not in pdf_text(before.file.open("rb").read())


def test_viewers_who_see_the_same_content_share_one_stored_document(
        small_meeting, member, secretary, renders):
    assert (services.agenda_pdf(meeting=small_meeting, user=member).pk
            == services.agenda_pdf(meeting=small_meeting, user=secretary).pk)
    assert len(renders) == 1


def test_after_an_edit_to_one_memo_only_that_memo_renders_again(small_meeting, member, renders):
    plan = services.pack_plan(meeting=small_meeting, user=member)
    first = services.pack_pdf(plan)
    assert sorted(renders) == sorted([
        f"Dagsorden: {small_meeting.series.name} {small_meeting.date:%d-%m-%Y}",
        "Indstilling: Klimaplan i MSB", "Indstilling: Integration", "Indhold"])
    renders.clear()

    same = services.pack_plan(meeting=small_meeting, user=member)
    assert same.stored is not None and same.stored.pk == first.pk
    assert services.pack_pdf(same).pk == first.pk and renders == []

    # The agenda in the pack does not print memo sections, and no page moves, so the
    # agenda and the contents are found again.
    fill_sections(small_meeting.items.get(title="Integration"),
                  {"SAGSFREMSTILLING": "Rettet tekst."})
    plan = services.pack_plan(meeting=small_meeting, user=member)
    assert plan.stored is None
    assert [p.label for p in plan.missing_parts] == ["Indstilling til Punkt 2"]
    second = services.pack_pdf(plan)
    assert second.key != first.key
    assert renders == ["Indstilling: Integration"]
    assert "Rettet tekst." in pdf_text(second.file.open("rb").read())
    assert RenderedDocument.objects.filter(kind="pack").count() == 2


def test_a_stored_document_whose_file_is_gone_renders_again(
        small_meeting, member, client, renders):
    client.force_login(member)
    url = f"/moeder/{small_meeting.pk}/dagsorden.pdf"
    first = client.get(url)
    assert first.status_code == 200
    document = RenderedDocument.objects.get(kind="agenda")
    document.file.storage.delete(document.file.name)
    again = client.get(url)
    assert again.status_code == 200
    assert b"".join(again.streaming_content).startswith(b"%PDF")


def test_the_agenda_on_its_own_prints_the_memos_so_a_memo_edit_renders_it_again(
        small_meeting, member, renders):
    before = services.agenda_pdf(meeting=small_meeting, user=member)
    fill_sections(small_meeting.items.get(title="Integration"),
                  {"SAGSFREMSTILLING": "Rettet tekst i indstillingen."})
    after = services.agenda_pdf(meeting=small_meeting, user=member)
    assert after.key != before.key
    assert "Rettet tekst i indstillingen." in pdf_text(after.file.open("rb").read())
