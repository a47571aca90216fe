"""What a received file is, by its first bytes (never by its name or declared type alone),
and the file name made safe to show and keep."""

import re
import unicodedata

# Office files LibreOffice converts, by extension, and the first bytes their formats start with.
ZIP = b"PK\x03\x04"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, Excel 97-2003
RTF = b"{\\rtf"
OFFICE_EXTENSIONS = {"docx": ZIP, "xlsx": ZIP, "pptx": ZIP, "odt": ZIP, "ods": ZIP,
                     "doc": OLE2, "xls": OLE2, "rtf": RTF}
OFFICE_CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "doc": "application/msword", "xls": "application/vnd.ms-excel", "rtf": "application/rtf",
}
HEAD_BYTES = 1024
_HTML = re.compile(rb"<\s*(!doctype\s+html|html|head|body|script|iframe|svg)\b", re.IGNORECASE)


def extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def sniff(head: bytes) -> str:
    """The kind of a file from its first bytes: pdf, office, jpeg, png, gif, tiff, html, zip,
    text or unknown. A PDF starts with %PDF- at its first byte: readers also accept a header
    further in, which is how polyglot files (an image or page that is also a PDF) are made."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((OLE2, RTF)):
        return "office"
    if head.startswith(ZIP):
        return "zip"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if _HTML.search(head[:HEAD_BYTES]):
        return "html"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "unknown"
    return "text"


def office_kind(head: bytes, filename: str) -> str | None:
    """The office extension to convert `filename` as, when its bytes fit that format; None
    when the name is not an office name."""
    ext = extension(filename)
    magic = OFFICE_EXTENSIONS.get(ext)
    if magic is None:
        return None
    return ext if head.startswith(magic) else ""


def safe_filename(filename: str) -> str:
    """The name as a person would read it: its last path part, without control characters,
    at most 255 characters (a name like ../../etc/passwd.pdf becomes passwd.pdf). It is shown
    and kept as text only; stored files are named by their content's sha256."""
    name = re.split(r"[/\\]", filename or "")[-1]
    name = "".join(ch for ch in unicodedata.normalize("NFC", name)
                   if unicodedata.category(ch)[0] != "C").strip(" .")
    if len(name) > 255:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:250 - len(ext)] + dot + ext) if dot and len(ext) <= 5 else name[:255]
    return name or "bilag.pdf"


# What the file picker offers: PDFs and the office files that are converted.
ACCEPT = ",".join([".pdf", "application/pdf", *(f".{ext}" for ext in OFFICE_EXTENSIONS),
                   *OFFICE_CONTENT_TYPES.values()])
