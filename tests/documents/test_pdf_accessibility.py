"""Every document kind, and the pack as a whole, is a tagged PDF a screen reader can use and an
archive can keep: `pdfua` finds no errors, `qpdf --check` finds nothing, and the structure
tree, language, title and bookmarks are what a reader navigates by.

Rendered once for the module: a meeting like the September 2023 Rådmandsmøde whose item 3
has an untagged Bilag (plain pikepdf pages) and a tagged one in English with a Cyrillic
title, and a committee meeting.
"""

import io

import pikepdf
import pytest

from agendas.attachments import attachment_add
from documents import services
from documents.pdf import render, store
from documents.pdf.render import html_to_pdf
from meetings.models import Meeting
from tests.documents.builders import annotate, committee_meeting, rich_meeting
from tests.documents.pdfcheck import (
    pdfua_findings,
    qpdf_check,
    structure_problems,
    tree_outline,
)
from tests.documents.pdftext import outline_titles
from tests.factories import make_series, make_user, unlocked

pytestmark = pytest.mark.django_db

TAGGED_TITLE = "Отчёт о семьях – Мирослава Коваленко"


@pytest.fixture(scope="module")
def documents(module_db):
    secretary = make_user("ua-sekretaer")
    member = make_user("ua-medlem", first_name="Mette", last_name="Medlem")
    series = make_series(name="Rådmandsmøder 2022-2025", secretariat=[secretary],
                         members=[member], addressee="Til Rådmandsmødet",
                         minutes_form="with_agenda")
    meeting = rich_meeting(series, status=Meeting.Status.MINUTES_APPROVED)
    annotate(meeting, reader=member, other=secretary)
    klima = meeting.items.get(title="Klimaplan i MSB")
    report = html_to_pdf('<html lang="en"><head><title>Report</title></head><body>'
                         '<h1>Family report</h1><p>Prepared by the municipality.</p>'
                         '<p style="break-before: page">Second page.</p></body></html>').pdf
    with unlocked(meeting):
        attachment_add(item=klima, data=report, filename="report.pdf", title=TAGGED_TITLE)
    committee = committee_meeting(make_series(name="Social- og Beskæftigelsesudvalget",
                                              layout="committee", kind="udvalgsmoede",
                                              secretariat=[secretary]),
                                  status=Meeting.Status.AGENDA_SENT)
    ukraine = meeting.items.get(number=4)

    def read(document):
        return store.read(document)

    docs = {
        "agenda": services.agenda_pdf(meeting=meeting, user=secretary),
        "minutes with agenda": services.minutes_pdf(meeting=meeting, user=secretary),
        "short minutes": services.minutes_pdf(meeting=meeting, user=secretary, form="short"),
        "memo A": services.memo_pdf(item=klima, user=secretary),
        "memo B": services.memo_pdf(item=ukraine, user=secretary),
        "committee agenda": services.agenda_pdf(meeting=committee, user=secretary),
        "pack": services.pack_pdf(services.pack_plan(meeting=meeting, user=member,
                                                     with_annotations=True)),
        "public pack": services.pack_pdf(services.pack_plan(meeting=meeting, user=member,
                                                            public=True)),
        "archived minutes": services.minutes_pdf(meeting=meeting, user=secretary,
                                                 variant=render.ARCHIVE),
        "archived pack": services.pack_pdf(services.pack_plan(
            meeting=meeting, user=secretary, variant=render.ARCHIVE)),
    }
    return {name: read(document) for name, document in docs.items()}


KINDS = ["agenda", "minutes with agenda", "short minutes", "memo A", "memo B",
         "committee agenda", "pack", "public pack", "archived minutes", "archived pack"]


@pytest.mark.parametrize("kind", KINDS)
def test_pdfua_finds_no_errors(documents, kind):
    assert pdfua_findings(documents[kind]) == []


@pytest.mark.parametrize("kind", [k for k in KINDS if not k.startswith("archived")])
def test_the_tagged_variant_claims_pdfua_and_pdfua_warns_of_nothing(documents, kind):
    assert pdfua_findings(documents[kind], min_severity="WARNING") == []


@pytest.mark.parametrize("kind", KINDS)
def test_qpdf_finds_nothing_wrong(documents, kind):
    assert qpdf_check(documents[kind]) == ""


@pytest.mark.parametrize("kind", KINDS)
def test_all_content_is_tagged_or_an_artifact_and_claimed_by_its_element(documents, kind):
    assert structure_problems(documents[kind]) == []


def test_the_pack_is_one_danish_document_with_its_title_shown(documents):
    with pikepdf.open(io.BytesIO(documents["pack"])) as pdf:
        assert str(pdf.Root.Lang) == "da"
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        title = "Samlet dokument: Rådmandsmøder 2022-2025 11-09-2023"
        assert str(pdf.docinfo.Title) == title
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == title
            assert meta["pdfuaid:part"] == "1"
        roots = list(pdf.Root.StructTreeRoot.K)
        assert [str(r.S) for r in roots] == ["/Document"]


def _rows(documents, kind, depth=None):
    return [row for row in tree_outline(documents[kind]) if depth is None or row[0] == depth]


def test_each_part_of_the_pack_keeps_its_structure_in_reading_order(documents):
    top = [(role, label) for _depth, role, label, _text in _rows(documents, "pack", depth=1)]
    assert top == [
        ("/Part", ""),  # the contents
        ("/Part", ""),  # the minutes
        ("/Sect", "Punkt 3: Klimaplan i MSB"),
        ("/Sect", "Punkt 4: Status på MSB’s ukraineindsatser – uge 10 2023"),
        ("/Sect", "Punkt 5: Personalesag"),  # a closed item: the member sees its Bilag
        ("/Part", ""),  # the overview of notes and comments
    ]
    headings = [(role, text) for _d, role, _l, text in _rows(documents, "pack")
                if role in ("/H1", "/H2")]
    assert headings[:2] == [("/H1", "Rådmandsmøder 2022-2025 11-09-2023"), ("/H2", "Indhold")]
    expected_in_order = [
        ("/H1", "Rådmandsmøder 2022-2025 (Rådmandsmøde)"),
        ("/H2", "Punkt 3: Klimaplan i MSB (10 min)"),
        ("/H1", "Klimaplan i MSB"),  # the memo
        ("/H1", "Family report"),  # the tagged Bilag
        ("/H1", "Status på MSB’s ukraineindsatser – uge 10 2023"),
        ("/H1", "Overblik: Noter"),
        ("/H1", "Overblik: Delte kommentarer"),
    ]
    positions = [headings.index(h) for h in expected_in_order]
    assert positions == sorted(positions)


def test_a_tagged_attachment_keeps_its_tags_under_its_bilag_in_its_own_language(documents):
    rows = tree_outline(documents["pack"])
    start = next(i for i, r in enumerate(rows) if r[2] == f"Punkt 3, Bilag 4: {TAGGED_TITLE}")
    depth = rows[start][0]
    inside = []
    for row in rows[start + 1:]:
        if row[0] <= depth:
            break
        inside.append(row[1:])
    assert inside[0] == ("/Part", "", "Family report Prepared by the municipality. Second page.")
    assert ("/H1", "", "Family report") in inside
    with pikepdf.open(io.BytesIO(documents["pack"])) as pdf:
        part = next(e for e in _elements_with_title(pdf, f"Punkt 3, Bilag 4: {TAGGED_TITLE}"))
        assert str(part.K[0].Lang) == "en"


def _elements_with_title(pdf, title):
    from tests.documents.pdfcheck import elements
    return (e for e in elements(pdf) if str(e.get("/T", "")) == title)


def test_an_untagged_attachment_is_a_figure_per_page_named_by_its_stamp(documents):
    rows = tree_outline(documents["pack"])
    figures = [(label, text) for _d, role, label, text in rows if role == "/Figure"]
    assert figures[:2] == [
        ("Punkt 3, Bilag 1: Bilag 1 - Økonomisk fordeling (side 1 af 2)", "Okonomisk fordeling 1"),
        ("Punkt 3, Bilag 1: Bilag 1 - Økonomisk fordeling (side 2 af 2)", "Okonomisk fordeling 2"),
    ]
    assert ("Punkt 4, Bilag 1: Bilag 1 - status", "Status ukraine 1") in figures


def test_stamps_and_page_numbers_are_artifacts_not_read_as_content(documents):
    from tests.documents.pdfcheck import marked_text

    content, artifacts = marked_text(documents["pack"])
    read = " ".join(content.values())
    assert "side 1 af" not in read and "Punkt 3, Bilag 1:" not in read
    assert all(f"side {n} af {len(artifacts)}" in text for n, text in enumerate(artifacts, 1))
    assert sum("Punkt 3, Bilag 1: Bilag 1 - Økonomisk fordeling" in a for a in artifacts) == 2


def test_the_bookmarks_mirror_the_contents(documents):
    titles = outline_titles(documents["pack"])
    assert titles[:3] == ["Indhold", "Referat", "Punkt 1: Dagsorden"]
    for title in ("Punkt 3: Klimaplan i MSB", "Indstilling", "Bilag 1: Bilag 1 - Økonomisk "
                  "fordeling", f"Bilag 4: {TAGGED_TITLE}", "Overblik: Noter"):
        assert title in titles


def test_the_contents_links_jump_to_their_pages_and_say_where(documents):
    with pikepdf.open(io.BytesIO(documents["pack"])) as pdf:
        links = list(pdf.pages[0].Annots)
        assert links and all("/Dest" in link for link in links)
        assert all(str(link.Contents).startswith("Gå til side ") for link in links)
