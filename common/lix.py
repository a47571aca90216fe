"""LIX, the Scandinavian readability index (Björnsson 1968), shown on memo template B.

LIX = words / sentences + 100 * long words / words, where a long word has more than six
letters and a sentence ends at ".", ":", "!" or "?" (or at the end of the text).
"""

import re

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.:!?]+(?=\s|$)")


def lix(text: str) -> int | None:
    """The LIX of `text`, rounded, or None when it has no words."""
    words = WORD.findall(text or "")
    if not words:
        return None
    ends = list(SENTENCE_END.finditer(text))
    tail = text[ends[-1].end():] if ends else text
    sentences = len(ends) + (1 if WORD.search(tail) else 0)
    long_words = sum(1 for word in words if len(word.replace("-", "")) > 6)
    return round(len(words) / sentences + 100 * long_words / len(words))
