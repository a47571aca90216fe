"""Real text written straight into PDF pages with pikepdf: Bilag stamps, page footers and
placeholder pages.

The text is set in Carlito, embedded once per output file as a composite font subset to the
glyphs used (font.py), so any script Carlito draws is stamped as written, stays selectable
and extracts back (pypdf, pdftotext), and costs a few hundred bytes of content stream per
page. This keeps a 100-page merge in tens of milliseconds, where one WeasyPrint page per
stamp would cost seconds.

Stamps and footers are marked as pagination artifacts, so a tagged (PDF/UA) part stays valid
after its footer is added; the text of a placeholder page is real content, marked with
MCIDs for the structure tree (tagging.py).
"""

from dataclasses import dataclass

import pikepdf

from documents.pdf.font import EmbeddedFont

FONT_RESOURCE = pikepdf.Name("/RfStamp")
MM = 72 / 25.4
INK = b"0.2 g"


def artifact(subtype: str) -> bytes:
    """The operator that opens a pagination artifact ("Header", "Footer")."""
    return b"/Artifact <</Type /Pagination /Subtype /" + subtype.encode() + b">> BDC"


def tagged(role: str, mcid: int) -> bytes:
    """The operator that opens real content, `mcid` on its page, for a structure element."""
    return b"/" + role.encode() + b" <</MCID " + str(mcid).encode() + b">> BDC"


def _hex(data: bytes) -> bytes:
    return b"<" + data.hex().encode() + b">"


def _number(value: float, digits: int = 2) -> bytes:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").encode()


Matrix = tuple[float, float, float, float, float, float]


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n, in PDF's row-vector convention."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _inverse(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def _shrink(box: "VisualBox", *, top: float, bottom: float) -> Matrix:
    """The matrix (in the page's own coordinates) that draws the page, as shown, scaled to
    leave `top` and `bottom` points free and centred across."""
    scale = max(0.5, (box.height - top - bottom) / box.height)
    shown = (scale, 0, 0, scale, (1 - scale) * box.width / 2, bottom)
    return _multiply(_multiply(_inverse(box.matrix), shown), box.matrix)


@dataclass(frozen=True)
class VisualBox:
    """A page as it is shown: its size after /Rotate, and the matrix from that upright
    view (origin bottom left) into the page's own coordinates."""

    width: float
    height: float
    matrix: Matrix


def visual_box(page: pikepdf.Page) -> VisualBox:
    media = [float(v) for v in page.mediabox]
    crop = page.obj.get("/CropBox")
    box = [float(v) for v in crop] if crop is not None else media
    x0, x1 = sorted((box[0], box[2]))
    y0, y1 = sorted((box[1], box[3]))
    rotate = int(page.obj.get("/Rotate", 0)) % 360
    if rotate == 90:
        return VisualBox(y1 - y0, x1 - x0, (0, 1, -1, 0, x1, y0))
    if rotate == 180:
        return VisualBox(x1 - x0, y1 - y0, (-1, 0, 0, -1, x1, y1))
    if rotate == 270:
        return VisualBox(y1 - y0, x1 - x0, (0, -1, 1, 0, x0, y1))
    return VisualBox(x1 - x0, y1 - y0, (1, 0, 0, 1, x0, y0))


@dataclass(frozen=True)
class Line:
    text: str
    x: float  # in the visual box, points from the left
    y: float  # baseline, points from the bottom
    size: float


class PageWriter:
    """Writes lines of text onto the pages of one output PDF, embedding the font once."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.embedded = EmbeddedFont(pdf)
        self.font = self.embedded.face
        self._wrapped: dict[tuple, list[str]] = {}
        self._save = pdf.make_stream(b"q\n")
        self._restore = pdf.make_stream(b"\nQ\n")

    def finish(self) -> None:
        """Embed the font with the glyphs written; call once, before the PDF is saved."""
        self.embedded.finish()

    def write(self, page: pikepdf.Page, groups: list[tuple[bytes | None, list[Line]]], *,
              box: VisualBox, isolate: bool = True, frame: Matrix | None = None,
              wrap: tuple[bytes, bytes] | None = None) -> None:
        """Append text to `page`: each group is (the operator that opens its marked content,
        see artifact() and tagged(), or None; lines). With
        `isolate`, the page's own content is first wrapped in q/Q so that whatever graphics
        state it leaves behind cannot move or hide the text; `frame` is a matrix that page
        content is drawn through (to shrink it clear of the stamp and footer); `wrap` is
        what goes before and after the page's own content inside that (to mark it up)."""
        groups = [(mark, lines) for mark, lines in groups if lines]
        if not groups and frame is None and wrap is None:
            return
        resources = page.obj.get("/Resources")
        if resources is None:
            page.obj.Resources = resources = pikepdf.Dictionary()
        fonts = resources.get("/Font")
        if fonts is None:
            resources.Font = fonts = pikepdf.Dictionary()
        fonts[FONT_RESOURCE] = self.embedded.ref
        ops = [b"q", b" ".join(_number(v) for v in box.matrix) + b" cm"]
        for mark, lines in groups:
            if mark:
                ops.append(mark)
            ops += [b"BT", INK]
            current_size = None
            for line in lines:
                if line.size != current_size:
                    ops.append(b"/RfStamp " + _number(line.size) + b" Tf")
                    current_size = line.size
                ops.append(b"1 0 0 1 " + _number(line.x) + b" " + _number(line.y) + b" Tm "
                           + _hex(self.embedded.encode(line.text)) + b" Tj")
            ops.append(b"ET")
            if mark:
                ops.append(b"EMC")
        ops.append(b"Q")
        if frame is not None or wrap is not None:
            before, after = wrap or (b"", b"")
            matrix = b" ".join(_number(v, 5) for v in frame) + b" cm" if frame else b""
            page.contents_add(self.pdf.make_stream(b"q " + matrix + b"\n" + before + b"\n"),
                              prepend=True)
            page.contents_add(self.pdf.make_stream(b"\n" + after + b"\nQ\n"))
        elif isolate:
            page.contents_add(self._save, prepend=True)
            page.contents_add(self._restore)
        page.contents_add(self.pdf.make_stream(b"\n".join(ops)))

    def header_lines(self, text: str, box: VisualBox, size: float = 8) -> list[Line]:
        """`text` in the top margin, left, wrapped to the page width (at most three lines)."""
        margin = min(14 * MM, box.width * 0.06)
        wrap_key = (text, size, round(box.width - 2 * margin, 1))
        lines = self._wrapped.get(wrap_key)
        if lines is None:  # every page of an attachment has the same stamp
            lines = self._wrapped[wrap_key] = self.font.wrap(text, size, wrap_key[2])
        top = box.height - 4 * MM - size * 0.8
        return [Line(t, margin, top - i * size * 1.2, size) for i, t in enumerate(lines)]

    def footer_lines(self, texts: list[str], box: VisualBox, size: float = 9) -> list[Line]:
        """`texts` right-aligned in the bottom margin, the last one lowest."""
        margin = min(20 * MM, box.width * 0.08)
        bottom = min(9 * MM, box.height * 0.04)
        return [Line(text, box.width - margin - self.font.width(text, size),
                     bottom + (len(texts) - 1 - i) * size * 1.25, size)
                for i, text in enumerate(texts)]

    def corner_lines(self, text: str, box: VisualBox, size: float = 9) -> list[Line]:
        """`text` right-aligned in the top margin, above the text (a memo's "side X af Y")."""
        margin = min(20 * MM, box.width * 0.08)
        top = box.height - min(17 * MM, box.height * 0.07)
        return [Line(text, box.width - margin - self.font.width(text, size), top, size)]

    def decorate(self, page: pikepdf.Page, *, header: str | None = None,
                 corner: str | None = None, footer: list[str] | None = None,
                 make_room: bool = False, wrap: tuple[bytes, bytes] | None = None) -> None:
        """A stamp in the top margin, a page number in its corner and/or footer lines,
        written in one go. With
        `make_room` (an attachment, whose margins we do not know) the page's content is
        scaled down a little, centred, so that neither lands on its own header or footer.
        `wrap`: see write()."""
        box = visual_box(page)
        header_lines = self.header_lines(header, box) if header else []
        footer_lines = self.footer_lines(footer, box) if footer else []
        frame = None
        if make_room:
            top = box.height - min((line.y for line in header_lines), default=box.height)
            bottom = max((line.y + line.size for line in footer_lines), default=0)
            frame = _shrink(box, top=top + 2 * MM if header_lines else 0,
                            bottom=bottom + 1.5 * MM if footer_lines else 0)
        corner_lines = self.corner_lines(corner, box) if corner else []
        self.write(page, [(artifact("Header"), header_lines + corner_lines),
                          (artifact("Footer"), footer_lines)], box=box, frame=frame, wrap=wrap)

    def text_page(self, heading: str, paragraphs: list[str], *, width: float = 595.28,
                  height: float = 841.89) -> tuple[pikepdf.Page, list[str]]:
        """A new page with a heading and wrapped paragraphs (the placeholder for an
        attachment that cannot be merged), and the roles of its marked content: MCID 0 is the
        heading ("H1"), then one "P" per paragraph."""
        page = pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, width, height],
            Resources=pikepdf.Dictionary(), Contents=self.pdf.make_stream(b"")))
        box = visual_box(page)
        left, y = 25 * MM, height - 40 * MM
        groups = [(tagged("H1", 0), [Line(heading, left, y, 16)])]
        y -= 28
        for mcid, paragraph in enumerate(paragraphs, start=1):
            lines = []
            for text in self.font.wrap(paragraph, 11, width - 2 * left, max_lines=8):
                lines.append(Line(text, left, y, 11))
                y -= 15
            groups.append((tagged("P", mcid), lines))
            y -= 8
        self.write(page, groups, box=box, isolate=False)
        return page, ["H1"] + ["P"] * len(paragraphs)
