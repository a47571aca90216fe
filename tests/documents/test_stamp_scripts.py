"""Stamps, footers and placeholder pages in any script Carlito draws: a Bilag titled in
Cyrillic, Polish, Turkish or Greek is stamped as written and its text extracts back."""

import io
import subprocess

import pikepdf
import pytest

from documents.pdf.font import face
from documents.pdf.pack import AttachmentSource, PackSection, PackSpec, build_pack
from documents.pdf.render import html_to_pdf
from tests.documents.pdftext import pdf_pages
from tests.factories import pdf_bytes

TITLES = {
    1: "Oversigt over ukrainske familier – Мирослава Коваленко",
    2: "Tolkning for Łukasz Wróblewski og Zofia Żółć",
    3: "Samtale med Şükrü Güneş og İlknur Öztürk",
    4: "Ελληνικά έγγραφα: Αθηνά Παπαδοπούλου",
}


def toc(entries):
    rows = "".join(f'<p><a href="{e.link}">{e.label}</a> {e.page}</p>' for e in entries)
    return html_to_pdf(f'<html lang="da"><body><h1>Indhold</h1>{rows}</body></html>')


@pytest.fixture(scope="module")
def pack():
    lead = html_to_pdf('<html lang="da"><body><h1>Dagsorden</h1><h2 id="punkt-3">Punkt 3: '
                       'Integration</h2><p>.</p></body></html>')
    attachments = [AttachmentSource(item_number=3, position=n, title=title,
                                    filename=f"bilag-{n}.pdf", data=pdf_bytes("Side", 1))
                   for n, title in TITLES.items()]
    attachments.append(AttachmentSource(item_number=3, position=5, title="Брошюра",
                                        filename="брошюра.pdf", data=None,
                                        missing_reason="Filen findes ikke i lageret."))
    spec = PackSpec(title="Samlet dokument: Test", author="Fagligt Sekretariat",
                    lead_label="Dagsorden", lead=lead, lead_items=[(3, "Integration")],
                    sections=[PackSection(number=3, title="Integration",
                                          attachments=attachments)])
    return build_pack(spec, render_toc=toc).pdf


def test_each_bilag_is_stamped_with_its_title_as_written(pack):
    pages = pdf_pages(pack)
    for position, title in TITLES.items():
        assert f"Punkt 3, Bilag {position}: {title}" in pages[1 + position], position


def test_a_placeholder_page_names_the_file_in_its_own_script(pack):
    placeholder = pdf_pages(pack)[-1]
    assert "Punkt 3, Bilag 5: Брошюра" in placeholder
    assert "Fil: брошюра.pdf" in placeholder


def test_pdftotext_reads_the_stamps_too(pack, tmp_path):
    path = tmp_path / "pakke.pdf"
    path.write_bytes(pack)
    try:
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    except FileNotFoundError:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert "Мирослава Коваленко" in text and "Şükrü Güneş" in text


def test_the_stamp_font_is_one_composite_subset_with_a_unicode_map(pack):
    with pikepdf.open(io.BytesIO(pack)) as pdf:
        fonts = {page.Resources.Font.RfStamp.objgen: page.Resources.Font.RfStamp
                 for page in pdf.pages}
        assert len(fonts) == 1  # embedded once, whatever the number of pages
        font = next(iter(fonts.values()))
        assert font.Subtype == "/Type0" and font.Encoding == "/Identity-H"
        assert "/ToUnicode" in font
        descendant = font.DescendantFonts[0]
        assert descendant.Subtype == "/CIDFontType2"
        program = descendant.FontDescriptor.FontFile2.read_bytes()
    from fontTools.ttLib import TTFont

    glyphs = len(TTFont(io.BytesIO(program)).getGlyphOrder())
    assert glyphs < 400  # the Windows-1252 repertoire and what the titles add, not 2,782


def test_characters_carlito_cannot_draw_become_a_question_mark_not_an_error():
    glyphs = face().glyphs("Møde 会议 i\u0000dag")
    assert "".join(g.text for g in glyphs) == "Møde ?? idag"


def test_decomposed_letters_are_composed_before_they_are_drawn():
    assert [g.text for g in face().glyphs("S\u0327u\u0308kru\u0308")] == list("Şükrü")


def test_a_cyrillic_title_wraps_within_the_page():
    font = face()
    title = "Punkt 6, Bilag 1: " + "Протокол заседания комитета по социальным вопросам " * 4
    lines = font.wrap(title, 8, 200)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.width(line, 8) <= 200 for line in lines)
