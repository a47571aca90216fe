"""What a memo ("Indstilling") measures of itself, shared by the editor and the PDF."""

from common.lix import lix
from common.richtext import html_to_text
from meetings.models import MemoTemplate


def memo_readability(*, sections, recommendations: list[str]) -> int | None:
    """The memo's LIX ("Lix: 38" on template B): its text sections and recommendation points,
    as the reader reads them. `sections` are MemoSection rows or anything with kind and body."""
    parts = [html_to_text(s.body) for s in sections if s.kind == MemoTemplate.SectionKind.TEXT]
    parts += list(recommendations)
    return lix("\n\n".join(p for p in parts if p))
