"""Reading PDFs back the way a test should: their text, as pypdf extracts it."""

import io
import re

from pypdf import PdfReader

# Whitespace and hyphens move with line breaks and hyphenation; compare without them.
LOOSE = re.compile(r"[\s\-\u2010\u2011\u00ad]+")


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def outline_titles(data: bytes) -> list[str]:
    titles = []

    def walk(entries):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(entry.title)

    walk(PdfReader(io.BytesIO(data)).outline)
    return titles


def loose(text: str) -> str:
    return LOOSE.sub("", text)


def missing_in_order(text: str, lines: list[str]) -> list[str]:
    """The lines that are not found in `text` in the given order (empty: all are)."""
    haystack, position, missing = loose(text), 0, []
    for line in lines:
        found = haystack.find(loose(line), position)
        if found < 0:
            missing.append(line)
        else:
            position = found + len(loose(line))
    return missing
