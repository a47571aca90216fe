"""Real text written straight into PDF pages with pikepdf: Bilag stamps, page footers and
placeholder pages.

A subset of Carlito (the Windows-1252 characters) is embedded once per output file as a
simple TrueType font with WinAnsiEncoding, so the text is selectable and extractable (pypdf,
pdftotext) and costs a few hundred bytes of content stream per page. This keeps a
100-page merge in tens of milliseconds, where one WeasyPrint page per stamp would cost
seconds.

Every piece of text is marked as a pagination artifact, so a tagged (PDF/UA) part stays
valid after its footer is added.
"""

import io
import logging
import secrets
from dataclasses import dataclass
from functools import lru_cache

import pikepdf
from django.contrib.staticfiles import finders
from fontTools import subset
from fontTools.ttLib import TTFont

# fontTools warns that Carlito's "created" date looks odd each time it is subset; it is.
logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)

FONT_FILE = "fonts/carlito/Carlito-Regular.ttf"
FONT_RESOURCE = pikepdf.Name("/RfStamp")
ENCODING = "cp1252"
FIRST_CODE, LAST_CODE = 32, 255
MM = 72 / 25.4
INK = b"0.2 g"


@dataclass(frozen=True)
class StampFont:
    """The embedded subset and what is needed to measure and place text in it."""

    program: bytes
    widths: tuple[int, ...]  # per code FIRST_CODE..LAST_CODE, in 1/1000 em
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int

    def encode(self, text: str) -> bytes:
        return text.encode(ENCODING, errors="replace")

    def width(self, text: str, size: float) -> float:
        total = sum(self.widths[code - FIRST_CODE] if code >= FIRST_CODE else 0
                    for code in self.encode(text))
        return total * size / 1000

    def wrap(self, text: str, size: float, max_width: float, max_lines: int = 3) -> list[str]:
        """Break `text` at spaces into lines no wider than `max_width`; a word longer than a
        line is cut, and what does not fit in `max_lines` ends in an ellipsis."""
        lines: list[str] = []
        current = ""
        for word in text.split():
            candidate = f"{current} {word}" if current else word
            if self.width(candidate, size) <= max_width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while self.width(word, size) > max_width and len(word) > 1:
                cut = len(word)
                while cut > 1 and self.width(word[:cut], size) > max_width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        if current:
            lines.append(current)
        if len(lines) > max_lines:
            last = lines[max_lines - 1]
            while last and self.width(last + " …", size) > max_width:
                last = last[:-1]
            lines = [*lines[:max_lines - 1], last.rstrip() + " …"]
        return lines or [""]


@lru_cache(maxsize=1)
def stamp_font() -> StampFont:
    """Subset Carlito to Windows-1252 once per process (about a quarter of a second)."""
    font = TTFont(finders.find(FONT_FILE))
    characters = bytes(range(FIRST_CODE, LAST_CODE + 1)).decode(ENCODING, errors="ignore")
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.notdef_outline = True
    options.glyph_names = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in characters])
    subsetter.subset(font)
    program = io.BytesIO()
    font.save(program)

    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths = []
    for code in range(FIRST_CODE, LAST_CODE + 1):
        try:
            character = bytes([code]).decode(ENCODING)
        except UnicodeDecodeError:
            widths.append(0)
            continue
        glyph = cmap.get(ord(character))
        widths.append(round(hmtx[glyph][0] * scale) if glyph else 0)
    head = font["head"]
    return StampFont(
        program=program.getvalue(),
        widths=tuple(widths),
        bbox=tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
        ascent=round(font["hhea"].ascent * scale),
        descent=round(font["hhea"].descent * scale),
        cap_height=round(font["OS/2"].sCapHeight * scale),
    )


def _embed(pdf: pikepdf.Pdf, font: StampFont) -> pikepdf.Object:
    tag = "".join(secrets.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(6))
    program = pdf.make_stream(font.program)
    program.Length1 = len(font.program)
    descriptor = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name(f"/{tag}+Carlito"),
        Flags=32,  # non-symbolic: codes map through WinAnsiEncoding
        FontBBox=list(font.bbox),
        ItalicAngle=0,
        Ascent=font.ascent,
        Descent=font.descent,
        CapHeight=font.cap_height,
        StemV=80,
        FontFile2=program,
    ))
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.TrueType,
        BaseFont=pikepdf.Name(f"/{tag}+Carlito"),
        FirstChar=FIRST_CODE,
        LastChar=LAST_CODE,
        Widths=list(font.widths),
        Encoding=pikepdf.Name.WinAnsiEncoding,
        FontDescriptor=descriptor,
    ))


def _literal(data: bytes) -> bytes:
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


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
        self.font = stamp_font()
        self._font_ref = None
        self._wrapped: dict[tuple, list[str]] = {}
        self._save = pdf.make_stream(b"q\n")
        self._restore = pdf.make_stream(b"\nQ\n")

    @property
    def font_ref(self):
        if self._font_ref is None:
            self._font_ref = _embed(self.pdf, self.font)
        return self._font_ref

    def write(self, page: pikepdf.Page, groups: list[tuple[str | None, list[Line]]], *,
              box: VisualBox, isolate: bool = True, frame: Matrix | None = None) -> None:
        """Append text to `page`: each group is (artifact subtype or None, lines). With
        `isolate`, the page's own content is first wrapped in q/Q so that whatever graphics
        state it leaves behind cannot move or hide the text; `frame` is a matrix that page
        content is drawn through (to shrink it clear of the stamp and footer)."""
        groups = [(artifact, lines) for artifact, lines in groups if lines]
        if not groups:
            return
        resources = page.obj.get("/Resources")
        if resources is None:
            page.obj.Resources = resources = pikepdf.Dictionary()
        fonts = resources.get("/Font")
        if fonts is None:
            resources.Font = fonts = pikepdf.Dictionary()
        fonts[FONT_RESOURCE] = self.font_ref
        ops = [b"q", b" ".join(_number(v) for v in box.matrix) + b" cm"]
        for artifact, lines in groups:
            if artifact:
                ops.append(b"/Artifact <</Type /Pagination /Subtype /" + artifact.encode()
                           + b">> BDC")
            ops += [b"BT", INK]
            current_size = None
            for line in lines:
                if line.size != current_size:
                    ops.append(b"/RfStamp " + _number(line.size) + b" Tf")
                    current_size = line.size
                ops.append(b"1 0 0 1 " + _number(line.x) + b" " + _number(line.y) + b" Tm "
                           + _literal(self.font.encode(line.text)) + b" Tj")
            ops.append(b"ET")
            if artifact:
                ops.append(b"EMC")
        ops.append(b"Q")
        if frame is not None:
            page.contents_add(self.pdf.make_stream(
                b"q " + b" ".join(_number(v, 5) for v in frame) + b" cm\n"), prepend=True)
            page.contents_add(self._restore)
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

    def decorate(self, page: pikepdf.Page, *, header: str | None = None,
                 footer: list[str] | None = None, make_room: bool = False) -> None:
        """A stamp in the top margin and/or footer lines, written in one go. With
        `make_room` (an attachment, whose margins we do not know) the page's content is
        scaled down a little, centred, so that neither lands on its own header or footer."""
        box = visual_box(page)
        header_lines = self.header_lines(header, box) if header else []
        footer_lines = self.footer_lines(footer, box) if footer else []
        frame = None
        if make_room:
            top = box.height - min((line.y for line in header_lines), default=box.height)
            bottom = max((line.y + line.size for line in footer_lines), default=0)
            frame = _shrink(box, top=top + 2 * MM if header_lines else 0,
                            bottom=bottom + 1.5 * MM if footer_lines else 0)
        self.write(page, [("Header", header_lines), ("Footer", footer_lines)], box=box,
                   frame=frame)

    def text_page(self, heading: str, paragraphs: list[str], *, width: float = 595.28,
                  height: float = 841.89) -> pikepdf.Page:
        """A new page with a heading and wrapped paragraphs (the placeholder for an
        attachment that cannot be merged)."""
        page = pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, width, height],
            Resources=pikepdf.Dictionary(), Contents=self.pdf.make_stream(b"")))
        box = visual_box(page)
        left, y = 25 * MM, height - 40 * MM
        lines = [Line(heading, left, y, 16)]
        y -= 28
        for paragraph in paragraphs:
            for text in self.font.wrap(paragraph, 11, width - 2 * left, max_lines=8):
                lines.append(Line(text, left, y, 11))
                y -= 15
            y -= 8
        self.write(page, [(None, lines)], box=box, isolate=False)
        return page
