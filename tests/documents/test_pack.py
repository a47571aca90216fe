"""The pack's merge pass on its own: stamps, page numbers, contents, bookmarks, placeholders
for attachments that cannot be merged, rotated and odd-sized pages."""

import io
import re

import pikepdf
import pytest
from pypdf import PdfReader

from documents.pdf.pack import AttachmentSource, PackSection, PackSpec, build_pack, number_pages
from documents.pdf.render import Rendered, TocEntry, html_to_pdf
from tests.documents.pdftext import outline_titles, pdf_pages
from tests.factories import pdf_bytes

MM = 72 / 25.4
PAGE_NUMBER = re.compile(r"side (\d+) af (\d+)")


def toc(entries: list[TocEntry]) -> Rendered:
    rows = "".join(f'<p><a href="{e.link}">{e.label}</a> {e.page}</p>' for e in entries)
    return html_to_pdf(f'<html lang="da"><body><h1>Indhold</h1>{rows}</body></html>',
                       variant=None)


@pytest.fixture(scope="module")
def lead():
    rendered = html_to_pdf('<html lang="da"><body><h1>Dagsorden</h1><h2 id="punkt-1">Punkt 1: '
                           'Dagsorden</h2><p>.</p><h2 id="punkt-2">Punkt 2: Bilag</h2><p>.</p>'
                           '</body></html>', variant=None)
    return rendered


def attachment(number, position, title, data, **fields):
    return AttachmentSource(item_number=number, position=position, title=title,
                            filename=fields.pop("filename", f"{title}.pdf"), data=data, **fields)


def spec(lead, sections, **fields):
    return PackSpec(title="Samlet dokument: Test", author="Fagligt Sekretariat",
                    lead_label="Dagsorden", lead=lead,
                    lead_items=[(1, "Dagsorden"), (2, "Bilag")], sections=sections, **fields)


def rotated_pdf(rotate: int, box: list[float]) -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes("Drejet side", 1)))
    page = pdf.pages[0]
    page.obj.Rotate = rotate
    page.obj.MediaBox = box
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def damaged_pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n" + b"\x00garbage" * 40


def encrypted_pdf() -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes("Hemmelig", 1)))
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="ejer", user="bruger"))
    return out.getvalue()


def test_damaged_attachment_gets_a_placeholder_and_the_rest_of_the_pack_is_made(lead):
    sections = [PackSection(number=2, title="Bilag", attachments=[
        attachment(2, 1, "Budget", pdf_bytes("Budgettal", 2)),
        attachment(2, 2, "Ødelagt notat", damaged_pdf(), filename="notat.pdf"),
        attachment(2, 3, "Beskyttet", encrypted_pdf(), filename="beskyttet.pdf"),
        attachment(2, 4, "Forsvundet", None, filename="væk.pdf",
                   missing_reason="Filen findes ikke i lageret."),
        attachment(2, 5, "Referat", pdf_bytes("Sidste side", 1)),
    ])]
    pages = pdf_pages(build_pack(spec(lead, sections), render_toc=toc).pdf)
    text = "\n".join(pages)
    assert "Budgettal 2" in text and "Sidste side 1" in text
    placeholder = next(p for p in pages if "Punkt 2, Bilag 2: Ødelagt notat" in p)
    assert "Bilaget kunne ikke sættes ind" in placeholder
    assert "Fil: notat.pdf" in placeholder
    assert "Årsag: PDF-filen er beskadiget og kan ikke læses." in placeholder
    protected = next(p for p in pages if "Punkt 2, Bilag 3: Beskyttet" in p)
    assert "Årsag: PDF-filen er beskyttet med en adgangskode." in protected
    missing = next(p for p in pages if "Punkt 2, Bilag 4: Forsvundet" in p)
    assert "Fil: væk.pdf" in missing and "Filen findes ikke i lageret." in missing
    # contents + lead + 2 + 1 + 1 + 1 + 1 pages, all numbered
    assert len(pages) == 1 + 1 + 2 + 1 + 1 + 1 + 1
    assert [PAGE_NUMBER.findall(p)[-1] for p in pages] == [
        (str(n), str(len(pages))) for n in range(1, len(pages) + 1)]


def test_every_attachment_page_is_stamped_and_the_lead_has_only_the_pack_footer(lead):
    sections = [PackSection(number=2, title="Bilag", attachments=[
        attachment(2, 1, "Budget", pdf_bytes("Budgettal", 3))])]
    pages = pdf_pages(build_pack(spec(lead, sections), render_toc=toc).pdf)
    stamped = [p for p in pages if "Punkt 2, Bilag 1: Budget" in p]
    assert len(stamped) == 3
    assert len(PAGE_NUMBER.findall(pages[1])) == 1  # the lead: no footer of its own


def test_contents_give_each_bilag_its_page_and_link_to_it(lead):
    sections = [
        PackSection(number=1, title="Dagsorden", attachments=[
            attachment(1, 1, "Første", pdf_bytes("Første", 2))]),
        PackSection(number=2, title="Bilag", attachments=[
            attachment(2, 1, "Andet", pdf_bytes("Andet", 1))]),
    ]
    data = build_pack(spec(lead, sections), render_toc=toc).pdf
    pages = pdf_pages(data)
    for label, stamp in (("Bilag 1: Første", "Punkt 1, Bilag 1: Første"),
                         ("Bilag 1: Andet", "Punkt 2, Bilag 1: Andet")):
        line = next(line for line in pages[0].splitlines() if line.startswith(label))
        assert stamp in pages[int(line.split()[-1]) - 1]
    reader = PdfReader(io.BytesIO(data))
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    assert links and all("/Dest" in link and "/A" not in link for link in links)
    page_ids = [page.indirect_reference.idnum for page in reader.pages]
    targets = sorted(page_ids.index(link["/Dest"][0].idnum) + 1 for link in links)
    listed = [int(line.split()[-1]) for line in pages[0].splitlines()[1:]
              if line.split()[-1].isdigit() and not PAGE_NUMBER.search(line)]
    assert targets == sorted(listed)
    assert outline_titles(data)[:3] == ["Indhold", "Dagsorden", "Punkt 1: Dagsorden"]


def test_long_contents_take_more_pages_and_the_numbers_still_fit(lead):
    many = Rendered(pdf=lead.pdf, page_count=lead.page_count,
                    anchors={f"punkt-{n}": 0 for n in range(1, 121)})
    sections = [PackSection(number=120, title="Sidste", attachments=[
        attachment(120, 1, "Slut", pdf_bytes("Slutside", 1))])]
    pack_spec = PackSpec(title="T", author="A", lead_label="Dagsorden", lead=many,
                         lead_items=[(n, f"Punkt nummer {n}") for n in range(1, 121)],
                         sections=sections)
    pages = pdf_pages(build_pack(pack_spec, render_toc=toc).pdf)
    toc_pages = [p for p in pages if "Punkt nummer" in p and "side" in p]
    assert len(toc_pages) > 1
    line = next(line for p in pages for line in p.splitlines() if line.startswith("Bilag 1: Slut"))
    assert "Punkt 120, Bilag 1: Slut" in pages[int(line.split()[-1]) - 1]


def _positions(data: bytes) -> list[list[tuple[str, float, float]]]:
    """Per page: each text run with its position as the page is shown (after /Rotate)."""
    result = []
    for page in PdfReader(io.BytesIO(data)).pages:
        box = page.cropbox
        x0, y0, x1, y1 = (float(box.left), float(box.bottom), float(box.right), float(box.top))
        rotation = page.rotation % 360
        runs = []

        def visit(text, cm, tm, font, size, runs=runs, rotation=rotation,
                  box=(x0, y0, x1, y1)):
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            left, bottom, right, top = box
            # Shown upright: a page turned 90° clockwise has its left edge at the top.
            shown = {0: (x - left, y - bottom), 90: (y - bottom, right - x),
                     180: (right - x, top - y), 270: (top - y, x - left)}[rotation]
            size_shown = (right - left, top - bottom) if rotation in (0, 180) else (
                top - bottom, right - left)
            runs.append((text.strip(), shown[0] / size_shown[0], shown[1] / size_shown[1]))

        page.extract_text(visitor_text=visit)
        result.append(runs)
    return result


@pytest.mark.parametrize("rotate,box", [
    (0, [0, 0, 595, 842]),
    (90, [0, 0, 595, 842]),
    (180, [0, 0, 595, 842]),
    (270, [0, 0, 595, 842]),
    (0, [0, 0, 1191, 842]),      # A3 landscape
    (90, [20, 30, 632, 822]),     # US letter, offset origin, turned
])
def test_stamp_and_footer_sit_at_the_top_and_foot_of_the_page_as_shown(lead, rotate, box):
    sections = [PackSection(number=2, title="Bilag", attachments=[
        attachment(2, 1, "Drejet", rotated_pdf(rotate, box))])]
    data = build_pack(spec(lead, sections), render_toc=toc).pdf
    runs = _positions(data)[-1]
    stamp = next(r for r in runs if r[0].startswith("Punkt 2, Bilag 1"))
    footer = next(r for r in runs if PAGE_NUMBER.search(r[0]))
    assert 0 < stamp[1] < 0.2 and 0.9 < stamp[2] < 1, stamp   # top left
    assert 0.5 < footer[1] < 1 and 0 < footer[2] < 0.1, footer  # bottom right


def test_a_long_stamp_wraps_within_the_page():
    from documents.pdf.font import face
    font = face()
    title = ("Punkt 6, Bilag 1: Dagsorden til mødet i Social- og Beskæftigelsesudvalget den "
             "20. september 2023.docx " * 3)
    lines = font.wrap(title, 8, 200)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.width(line, 8) <= 200 for line in lines)


def test_document_on_its_own_gets_side_x_af_y_and_keeps_its_tags():
    rendered = html_to_pdf('<html lang="da"><body><h1>Dagsorden</h1>'
                           + '<p style="break-after: page">Side</p>' * 3 + '</body></html>')
    numbered = number_pages(rendered.pdf)
    pages = pdf_pages(numbered)
    assert [PAGE_NUMBER.findall(p) for p in pages] == [[("1", "3")], [("2", "3")], [("3", "3")]]
    with pikepdf.open(io.BytesIO(numbered)) as pdf:
        assert "/StructTreeRoot" in pdf.Root


def edge_to_edge_pdf(rotate: int = 0) -> bytes:
    """A page with text at its very top and very bottom, as the page is shown."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    width, height = (842, 595) if rotate in (90, 270) else (595, 842)
    # In the page's own coordinates; /Rotate 90 shows the left edge at the top.
    top, bottom = {0: ((40, 832), (40, 4)), 90: ((4, 100), (832, 300))}[rotate]
    content = (f"BT /F1 9 Tf 1 0 0 1 {top[0]} {top[1]} Tm (Helt oeverst) Tj ET "
               f"BT /F1 9 Tf 1 0 0 1 {bottom[0]} {bottom[1]} Tm (Helt nederst) Tj ET")
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, width, height],
                              Rotate=rotate,
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=pdf.make_stream(content.encode()))
    pdf.pages.append(pikepdf.Page(page))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize("rotate", [0, 90])
def test_attachment_content_is_scaled_clear_of_the_stamp_and_footer(lead, rotate):
    sections = [PackSection(number=2, title="Bilag", attachments=[
        attachment(2, 1, "Kant til kant", edge_to_edge_pdf(rotate))])]
    runs = _positions(build_pack(spec(lead, sections), render_toc=toc).pdf)[-1]
    stamp = next(r for r in runs if r[0].startswith("Punkt 2, Bilag 1"))
    footer = next(r for r in runs if PAGE_NUMBER.search(r[0]))
    top = next(r for r in runs if r[0] == "Helt oeverst")
    bottom = next(r for r in runs if r[0] == "Helt nederst")
    assert footer[2] + 0.01 < bottom[2] < top[2] < stamp[2] - 0.01


def test_the_pack_is_danish_whatever_language_the_reader_uses(lead):
    from django.utils import translation

    sections = [PackSection(number=2, title="Bilag", attachments=[
        attachment(2, 1, "Budget", pdf_bytes("Budgettal", 1))])]
    with translation.override("en"):
        pages = pdf_pages(build_pack(spec(lead, sections), render_toc=toc).pdf)
    text = "\n".join(pages)
    assert "Punkt 2, Bilag 1: Budget" in text
    assert PAGE_NUMBER.findall(pages[-1])
    assert "Appendix" not in text and "page 1 of" not in text
