"""What a search box's text means: its words, and the Danish forms each word is looked for in.

Only letters and digits reach the database, so quotes, operators (& | ! : * ( )), SQL and
control characters are spaces here, never syntax.
"""

import re
import unicodedata

MAX_CHARS = 200
MAX_WORDS = 8
MIN_LENGTH = 2

_WORD = re.compile(r"[^\W_]+")
# Inflection endings taken off before stemming: PostgreSQL's Danish stemmer gives
# "dagsorden" the stem "dagsord" but "dagsordener" the stem "dagsorden", so "dagsordener"
# is also looked for as "dagsorden".
_ENDINGS = ("erne", "ene", "ers", "ets", "ens", "er", "en", "et", "es", "e", "s")
# The unstressed e that drops when an ending is added: "cykel" -> "cykler" (stem "cykl").
_SYNCOPE = re.compile(r"(.*[^aeiouyæøå])e([lnr])")


def clean(text: str) -> str:
    """The text without control characters, at most MAX_CHARS long."""
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text or "")
    return " ".join(text.split())[:MAX_CHARS]


def words(text: str, limit: int | None = MAX_WORDS) -> list[str]:
    """The distinct words of `text`, lower case, in order, at most `limit`."""
    found = []
    for word in _WORD.findall(clean(text).lower()):
        if len(word) >= MIN_LENGTH and word not in found:
            found.append(word)
    return found[:limit]


def variants(word: str) -> list[str]:
    """`word` and the forms it is also looked for in (each as a prefix)."""
    forms = [word]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            forms.append(word[: -len(ending)])
            break
    syncope = _SYNCOPE.fullmatch(word)
    if syncope and len(word) >= 5:
        forms.append(syncope[1] + syncope[2])
    return list(dict.fromkeys(forms))


def tsquery_source(word: str) -> str:
    """The to_tsquery text for one word: its forms as prefixes ("cykel:* | cykl:*"); safe,
    since a word is letters and digits only."""
    return " | ".join(f"{form}:*" for form in variants(word))
