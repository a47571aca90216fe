"""The minutes' wording, drafted from what the meeting already has: a decision point from the
recommendation point it answers, and a follow-up from "X følger op" in the decision text.

Plain functions of text, no database: the minute taker always sees and edits what they offer.
"""

import re
from dataclasses import dataclass

from decisions.models import Outcome

# The memo says what the alderman is asked to do, in the present ("at rådmanden godkender …");
# the minutes say what was done, in the past ("Rådmanden godkendte …").
PAST = {
    "afviser": "afviste", "anbefaler": "anbefalede", "anerkender": "anerkendte",
    "beder": "bad", "beslutter": "besluttede", "bevilger": "bevilgede",
    "bemærker": "bemærkede", "drøfter": "drøftede", "fastholder": "fastholdt",
    "fremsender": "fremsendte", "får": "fik", "giver": "gav", "godkender": "godkendte",
    "igangsætter": "igangsatte", "indstiller": "indstillede", "noterer": "noterede",
    "orienterer": "orienterede", "prioriterer": "prioriterede", "ser": "så",
    "sender": "sendte", "tager": "tog", "tiltræder": "tiltrådte", "træffer": "traf",
    "udpeger": "udpegede", "udsætter": "udsatte", "vedtager": "vedtog", "vurderer": "vurderede",
}
# "at status drøftes" → "Status blev drøftet".
PASSIVE = {
    "afvises": "blev afvist", "anbefales": "blev anbefalet", "besluttes": "blev besluttet",
    "bevilges": "blev bevilget", "drøftes": "blev drøftet", "fremsendes": "blev fremsendt",
    "godkendes": "blev godkendt", "igangsættes": "blev igangsat", "noteres": "blev noteret",
    "orienteres": "blev orienteret", "prioriteres": "blev prioriteret", "sendes": "blev sendt",
    "tages": "blev taget", "tiltrædes": "blev tiltrådt", "udsættes": "blev udsat",
    "vedtages": "blev vedtaget",
}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
LEADING = re.compile(r"^\s*(?:\d+\)\s*)?(?:at\s+)?", re.IGNORECASE)


def _same_case(word: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if word[:1].isupper() else replacement


def decision_draft(recommendation: str) -> str:
    """The decision point that answers `recommendation`, in the minutes' words: the first verb
    (and one joined to it with "og") turned into the past, the "at" dropped, a capital letter
    first and a full stop last. Verbs further on (in a clause of their own) stay as written:
    "at rådmanden godkender at klimaplanen sendes frem" → "Rådmanden godkendte at klimaplanen
    sendes frem."."""
    text = LEADING.sub("", recommendation.strip()).strip()
    if not text:
        return ""
    words = list(WORD.finditer(text))
    for index, match in enumerate(words):
        word = match.group(0).lower()
        if word not in PAST and word not in PASSIVE:
            continue
        replacements = [(match, PASSIVE.get(word) or PAST[word])]
        if word in PAST and index + 2 < len(words) and words[index + 1].group(0) == "og":
            joined = words[index + 2]
            if joined.group(0).lower() in PAST:
                replacements.append((joined, PAST[joined.group(0).lower()]))
        for found, replacement in reversed(replacements):
            text = (text[:found.start()] + _same_case(found.group(0), replacement)
                    + text[found.end():])
        break
    text = text[:1].upper() + text[1:]
    text = text.rstrip(" ,;:")
    return text if text.endswith((".", "!", "?")) else text + "."


def outcome_for(text: str) -> str:
    """The outcome a decision text records, as far as its words say it."""
    lowered = text.lower()
    if "ikke behandlet" in lowered:
        return Outcome.IKKE_BEHANDLET
    if "ikke godkendt" in lowered or "afvist" in lowered:
        return Outcome.IKKE_GODKENDT
    if "efterretning" in lowered or lowered.startswith("intet"):
        return Outcome.TAGET_TIL_EFTERRETNING
    if "drøft" in lowered:
        return Outcome.DROEFTET
    return Outcome.GODKENDT


@dataclass(frozen=True)
class FollowUpSuggestion:
    owner: str  # as the text names it: "FAS", "Organisation og Ledelse"
    description: str  # the sentence that says it (with the one before, when it is short)


FOLLOWS = re.compile(r"\bfølger\s+op\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÆØÅ])|\n")
SUBJECT_AFTER = re.compile(r".*\bat\s+", re.IGNORECASE | re.DOTALL)
MAX_OWNER_WORDS = 8


def _sentences(text: str) -> list[str]:
    sentences, start = [], 0
    for end in SENTENCE_END.finditer(text):
        sentences.append(text[start:end.end()].strip())
        start = end.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def follow_up_suggestions(text: str) -> list[FollowUpSuggestion]:
    """Who the text says follows up ("FAS følger op.", "Det aftales, at Organisation og Ledelse
    følger op på …"), each once, in the order the text names them."""
    found: dict[str, FollowUpSuggestion] = {}
    sentences = _sentences(text)
    for index, sentence in enumerate(sentences):
        match = FOLLOWS.search(sentence)
        if not match:
            continue
        subject = SUBJECT_AFTER.sub("", sentence[:match.start()]).strip(" ,;:-")
        words = subject.split()
        if not words or len(words) > MAX_OWNER_WORDS or not subject[:1].isupper():
            continue
        description = sentence
        if len(sentence.split()) <= 5 and index > 0:
            description = f"{sentences[index - 1]} {sentence}"
        found.setdefault(subject.lower(), FollowUpSuggestion(subject, description))
    return list(found.values())
