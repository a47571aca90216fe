"""The pack's structure tree from attachments of every kind, merged pass by pass: a tagged
attachment with table headers (an IDTree) and a link it forgot to tag, an untagged one with
a link, a placeholder; each still one consistent tree that pdfua and qpdf accept."""

import io

import pikepdf
import pytest

from documents.pdf.pack import AttachmentSource, PackSection, PackSpec, build_pack
from documents.pdf.render import html_to_pdf
from tests.documents.pdfcheck import (
    elements,
    pdfua_findings,
    qpdf_check,
    structure_problems,
    tree_outline,
)
from tests.factories import pdf_bytes


def toc(entries):
    rows = "".join(f'<p><a href="{e.link}">{e.label}</a> {e.page}</p>' for e in entries)
    return html_to_pdf(f'<html lang="da"><body><h1>Indhold</h1>{rows}</body></html>')


def with_id_tree_and_an_untagged_link(data: bytes) -> bytes:
    """A tagged PDF whose table headers are in an IDTree (as Word writes them), with a link
    added to its first page that no structure element claims."""
    pdf = pikepdf.open(io.BytesIO(data))
    ids = pikepdf.NameTree.new(pdf)
    for element in elements(pdf):
        if "/ID" in element:
            ids[str(element.ID)] = element
    pdf.Root.StructTreeRoot.IDTree = ids.obj
    link = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[50, 50, 150, 70],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://aarhus.dk"))))
    pdf.pages[0].obj.Annots = pikepdf.Array([*pdf.pages[0].obj.get("/Annots", []), link])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def untagged_with_a_link() -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes("Skannet side", 1)))
    pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[72, 700, 200, 720],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://msb.aarhus.dk"))))])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


TABLE = ('<html lang="da"><body><h1>Budget</h1><table><thead><tr><th>Post</th><th>Beløb</th>'
         '</tr></thead><tbody><tr><td>Cykler</td><td>1,0 mio. kr.</td></tr></tbody></table>'
         '</body></html>')


@pytest.fixture(scope="module")
def pack():
    lead = html_to_pdf('<html lang="da"><body><h1>Dagsorden</h1><h2 id="punkt-2">Punkt 2: '
                       'Bilag</h2><p>.</p></body></html>')
    memo = html_to_pdf(TABLE.replace("Budget", "Indstilling"))
    attachments = [
        AttachmentSource(item_number=2, position=1, title="Budget", filename="budget.pdf",
                         data=with_id_tree_and_an_untagged_link(html_to_pdf(TABLE).pdf)),
        AttachmentSource(item_number=2, position=2, title="Skanning", filename="skan.pdf",
                         data=untagged_with_a_link()),
        AttachmentSource(item_number=2, position=3, title="Væk", filename="væk.pdf",
                         data=None, missing_reason="Filen findes ikke i lageret."),
    ]
    spec = PackSpec(title="Samlet dokument: Test", author="Fagligt Sekretariat",
                    lead_label="Dagsorden", lead=lead, lead_items=[(2, "Bilag")],
                    sections=[PackSection(number=2, title="Bilag", memo=memo,
                                          attachments=attachments)])
    return build_pack(spec, render_toc=toc).pdf


def test_the_pack_is_one_consistent_tree_that_pdfua_and_qpdf_accept(pack):
    assert structure_problems(pack) == []
    # pdfua only warns, heuristically, that WeasyPrint's table headers carry no /Scope: the
    # cells name their headers (/Headers), which the next test follows.
    assert pdfua_findings(pack) == []
    assert [f for f in pdfua_findings(pack, min_severity="WARNING")
            if not f.startswith("UA-15-003")] == []
    assert qpdf_check(pack) == ""


def test_table_headers_of_a_tagged_attachment_still_resolve_in_the_pack(pack):
    with pikepdf.open(io.BytesIO(pack)) as pdf:
        ids = dict(pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree).items())
        in_tree = {e.objgen for e in elements(pdf)}
        assert ids and all(element.objgen in in_tree for element in ids.values())
        assert {str(e.S) for e in ids.values()} == {"/TH"}
        bilag = next(e for e in elements(pdf) if str(e.get("/T", "")) == "Punkt 2, Bilag 1: "
                     "Budget")
        headers = [h for e in elements(pdf) if e.S == "/TD" and _within(e, bilag)
                   for a in ([e.A] if isinstance(e.get("/A"), pikepdf.Dictionary) else [])
                   for h in a.get("/Headers", [])]
        assert headers and all(str(h) in ids for h in headers)


def _within(element, ancestor) -> bool:
    while "/P" in element:
        element = element.P
        if element.objgen == ancestor.objgen:
            return True
    return False


def test_every_link_is_in_the_tree_with_a_description(pack):
    with pikepdf.open(io.BytesIO(pack)) as pdf:
        links = [e for e in elements(pdf) if e.S == "/Link"]
        described = {str(k.Obj.Contents) for e in links for k in e.K
                     if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"}
    assert {"https://aarhus.dk", "https://msb.aarhus.dk"} <= described


def test_the_placeholder_reads_as_a_heading_and_paragraphs(pack):
    rows = tree_outline(pack)
    start = next(i for i, r in enumerate(rows) if r[2] == "Punkt 2, Bilag 3: Væk")
    assert [r[1:] for r in rows[start + 1:start + 4]] == [
        ("/H1", "", "Bilaget kunne ikke sættes ind"),
        ("/P", "", "Punkt 2, Bilag 3: Væk"),
        ("/P", "", "Fil: væk.pdf"),
    ]


def test_a_plain_pack_has_no_structure_tree_and_no_figures():
    lead = html_to_pdf('<html lang="da"><body><h1>Dagsorden</h1></body></html>', variant=None)
    spec = PackSpec(title="T", author="A", lead_label="Dagsorden", lead=lead, lead_items=[],
                    sections=[PackSection(number=1, title="Bilag", attachments=[
                        AttachmentSource(item_number=1, position=1, title="Skanning",
                                         filename="skan.pdf", data=untagged_with_a_link())])])
    data = build_pack(spec, render_toc=lambda entries: html_to_pdf(
        '<html lang="da"><body><h1>Indhold</h1></body></html>', variant=None)).pdf
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        assert b"/Figure" not in b"".join(p.obj.Contents.read_bytes() if isinstance(
            p.obj.Contents, pikepdf.Stream) else b"".join(c.read_bytes() for c in p.obj.Contents)
            for p in pdf.pages)
