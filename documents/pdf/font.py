"""The font that stamps, footers and placeholder pages are written in: Carlito, embedded as a
composite (CID) font, so that any script Carlito draws (Latin with its extensions, Greek,
Cyrillic) is stamped as written and extracts back as written.

Text is encoded as two-byte CIDs, and a CID is the glyph's number in the full Carlito
(Identity-H), so a page's text can be written before the document's glyphs are all known.
When the document is finished, fontTools subsets Carlito to the glyphs it used and the
CIDToGIDMap maps the CIDs onto the subset; a ToUnicode CMap maps them back to the text.

Subsetting costs tens of milliseconds, so the subset always holds the Windows-1252 repertoire
(the glyphs of nearly every Danish document, which then share one subset per process) plus
whatever else a document used, and subsets are kept per glyph set.
"""

import hashlib
import io
import logging
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pikepdf
from django.contrib.staticfiles import finders
from fontTools import subset
from fontTools.ttLib import TTFont

# fontTools warns that Carlito's "created" date looks odd each time it is read; it is.
logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)

FONT_FILE = "fonts/carlito/Carlito-Regular.ttf"
FALLBACK = "?"  # drawn (and extracted) for a character Carlito has no glyph for
BASE_REPERTOIRE = bytes(range(32, 256)).decode("cp1252", errors="ignore")


@dataclass(frozen=True)
class Glyph:
    gid: int
    text: str  # what it stands for, for ToUnicode


class Face:
    """Carlito as read once per process: which glyph draws each character, and how wide."""

    def __init__(self, data: bytes):
        self.data = data
        font = TTFont(io.BytesIO(data), lazy=True)
        scale = 1000 / font["head"].unitsPerEm
        order = font.getGlyphOrder()
        ids = {name: index for index, name in enumerate(order)}
        self.gid_of = {code: ids[name] for code, name in font.getBestCmap().items()}
        metrics = font["hmtx"].metrics
        self.advances = [round(metrics[name][0] * scale) for name in order]
        head, hhea = font["head"], font["hhea"]
        self.bbox = tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax))
        self.ascent = round(hhea.ascent * scale)
        self.descent = round(hhea.descent * scale)
        self.cap_height = round(font["OS/2"].sCapHeight * scale)
        self.fallback = Glyph(self.gid_of[ord(FALLBACK)], FALLBACK)
        self.base_gids = frozenset(self.gid_of[ord(c)] for c in BASE_REPERTOIRE
                                   if ord(c) in self.gid_of)
        self._glyphs: dict[str, tuple[Glyph, ...]] = {}
        self._widths: dict[str, int] = {}

    def glyphs(self, text: str) -> tuple[Glyph, ...]:
        """The glyphs that draw `text` (composed first, so "s" + combining cedilla is "ş");
        a character without a glyph is drawn as FALLBACK, and control and format
        characters are dropped."""
        found = self._glyphs.get(text)
        if found is None:
            if len(self._glyphs) > 4096:  # stamps and footers repeat; keep this bounded
                self._glyphs.clear()
            found = self._glyphs[text] = tuple(self._map(text))
        return found

    def _map(self, text: str):
        for character in unicodedata.normalize("NFC", text):
            if not character.isprintable() and unicodedata.category(character)[0] == "C":
                continue  # control and format characters (a soft hyphen too) show nothing
            gid = self.gid_of.get(ord(character))
            yield Glyph(gid, character) if gid is not None else self.fallback

    def width(self, text: str, size: float) -> float:
        units = self._widths.get(text)
        if units is None:
            if len(self._widths) > 4096:
                self._widths.clear()
            units = self._widths[text] = sum(self.advances[g.gid] for g in self._map(text))
        return units * size / 1000

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
def face() -> Face:
    with open(finders.find(FONT_FILE), "rb") as handle:
        return Face(handle.read())


@lru_cache(maxsize=16)
def font_program(gids: frozenset[int]) -> tuple[bytes, dict[int, int]]:
    """Carlito subset to `gids`: the TrueType program and each old glyph number's new one."""
    font = TTFont(io.BytesIO(face().data), lazy=True)
    old_order = font.getGlyphOrder()
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted(gids))
    subsetter.subset(font)
    new_ids = {name: index for index, name in enumerate(font.getGlyphOrder())}
    mapping = {gid: new_ids[old_order[gid]] for gid in gids if old_order[gid] in new_ids}
    program = io.BytesIO()
    font.save(program)
    return program.getvalue(), mapping


class EmbeddedFont:
    """Carlito in one output PDF: `encode` text while writing pages, `finish` before saving.
    The font dictionary exists from the first use, so pages can refer to it at once."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.face = face()
        self.used: dict[int, str] = {}

    @cached_property
    def ref(self) -> pikepdf.Object:
        return self.pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
            BaseFont=pikepdf.Name("/Carlito"), Encoding=pikepdf.Name("/Identity-H")))

    def encode(self, text: str) -> bytes:
        glyphs = self.face.glyphs(text)
        for glyph in glyphs:
            self.used.setdefault(glyph.gid, glyph.text)
        return b"".join(glyph.gid.to_bytes(2, "big") for glyph in glyphs)

    def finish(self) -> None:
        """Embed the subset, its widths, CIDToGIDMap and ToUnicode (when any text was
        written)."""
        if "ref" not in self.__dict__:
            return
        face = self.face
        cids = sorted(self.used)
        program, new_gid = font_program(face.base_gids | frozenset(cids))
        to_gid = bytearray(2 * (max(cids) + 1))
        for cid in cids:
            to_gid[2 * cid:2 * cid + 2] = new_gid[cid].to_bytes(2, "big")
        name = pikepdf.Name(f"/{_tag(program)}+Carlito")
        font_file = self.pdf.make_stream(program)
        font_file.Length1 = len(program)
        descriptor = pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor, FontName=name,
            Flags=32,  # non-symbolic
            FontBBox=list(face.bbox), ItalicAngle=0, Ascent=face.ascent, Descent=face.descent,
            CapHeight=face.cap_height, StemV=80, FontFile2=font_file)
        descendant = pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2, BaseFont=name,
            CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                             Ordering=pikepdf.String("Identity"), Supplement=0),
            FontDescriptor=self.pdf.make_indirect(descriptor),
            DW=1000, W=_widths(cids, face.advances),
            CIDToGIDMap=self.pdf.make_stream(bytes(to_gid)))
        self.ref.BaseFont = name
        self.ref.DescendantFonts = [self.pdf.make_indirect(descendant)]
        self.ref.ToUnicode = self.pdf.make_stream(to_unicode_cmap(self.used))


def _tag(program: bytes) -> str:
    """The six capital letters that name a subset (the same subset, the same tag)."""
    digest = hashlib.sha256(program).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def _widths(cids: list[int], advances: list[int]) -> pikepdf.Array:
    """The W array: runs of consecutive CIDs, each with its list of widths."""
    runs: list[list[int]] = []
    for cid in cids:
        if runs and cid == runs[-1][0] + len(runs[-1]) - 1:
            runs[-1].append(advances[cid])
        else:
            runs.append([cid, advances[cid]])
    array = []
    for first, *widths in runs:
        array += [first, widths]
    return pikepdf.Array(array)


def to_unicode_cmap(used: dict[int, str]) -> bytes:
    """A ToUnicode CMap (Adobe technical note 5411) mapping each two-byte CID to its text."""
    entries = [f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>"
               for cid, text in sorted(used.items())]
    chunks = []
    for start in range(0, len(entries), 100):  # at most 100 mappings per block
        block = entries[start:start + 100]
        chunks.append(f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(chunks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")
