"""Differences between two versions of a document, field by field, for people to read.

A field is a label and its text in each version. Short values are shown old beside new;
long and rich texts get a word-level diff (difflib), so a changed word in a long memo is
found without reading the whole memo twice. Everything is escaped here: the output is HTML
built from escaped pieces only, whatever the texts hold.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Longer than this (or holding a line break), a text is compared word by word.
LONG = 80
_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    long: bool = False


@dataclass(frozen=True)
class FieldDiff:
    label: str
    old: str
    new: str
    changed: bool
    words: SafeString | None  # the word-level diff of a long text, else None


def diff_documents(old: list[Field], new: list[Field]) -> list[FieldDiff]:
    """Every field of either version, in the newer version's order (fields only the older
    one has come after), with what changed."""
    before = {f.label: f for f in old}
    after = {f.label: f for f in new}
    labels = [f.label for f in new] + [f.label for f in old if f.label not in after]
    result = []
    for label in labels:
        a, b = before.get(label), after.get(label)
        old_value, new_value = (a.value if a else ""), (b.value if b else "")
        long = (a and a.long) or (b and b.long) or any(
            len(v) > LONG or "\n" in v for v in (old_value, new_value))
        changed = old_value != new_value
        words = word_diff(old_value, new_value) if long and changed else None
        result.append(FieldDiff(label, old_value, new_value, changed, words))
    return result


def word_diff(old: str, new: str) -> SafeString:
    """`old` turned into `new`, word by word: removed words in <del>, added ones in <ins>."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped just above
