"""A series' standard phrases ("Godkendt.", "Intet til referat." …): the seeds' list until the
series writes its own."""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from decisions.models import DEFAULT_PHRASES, Outcome, Phrase
from meetings.models import MeetingSeries

MAX_PHRASES = 30


def phrases_for(series: MeetingSeries) -> list[tuple[str, str]]:
    """(text, outcome) in the series' order."""
    own = [(p.text, p.outcome) for p in series.phrases.all()]
    return own or [(text, str(outcome)) for text, outcome in DEFAULT_PHRASES]


def phrases_digest(phrases: list[tuple[str, str]]) -> str:
    """What the editing page saw, so that a stale save is refused rather than saved over."""
    return hashlib.sha256(json.dumps(phrases, ensure_ascii=False).encode()).hexdigest()[:16]


def phrases_set(*, series: MeetingSeries, phrases: list[tuple[str, str]], seen: str) -> None:
    """Replace the series' list with `phrases` (empty lines left out), provided it is still
    the list the editor saw (`seen`, a phrases_digest)."""
    cleaned = [(" ".join(text.split()), outcome) for text, outcome in phrases
               if text and text.strip()]
    errors = []
    if len(cleaned) > MAX_PHRASES:
        errors.append(_("Serien kan have højst %(count)s standardtekster.") % {
            "count": MAX_PHRASES})
    for text, outcome in cleaned:
        if len(text) > 300:
            errors.append(_("»%(text)s…« er for lang: en standardtekst kan være højst 300 tegn.")
                          % {"text": text[:40]})
        if outcome not in Outcome.values:
            errors.append(_("Vælg et udfald fra listen til »%(text)s«.") % {"text": text})
    texts = [text for text, _outcome in cleaned]
    if len(set(texts)) != len(texts):
        errors.append(_("Hver standardtekst må kun stå på listen én gang."))
    if errors:
        raise ValidationError(errors, code="invalid")
    with transaction.atomic():
        MeetingSeries.objects.select_for_update().get(pk=series.pk)
        if phrases_digest(phrases_for(series)) != seen:
            raise ValidationError(_("Standardteksterne er blevet ændret af en anden, mens du "
                                    "redigerede. Dine ændringer er ikke gemt; se den nye "
                                    "udgave, og prøv igen."), code="conflict")
        series.phrases.all().delete()
        Phrase.objects.bulk_create([
            Phrase(series=series, position=position, text=text, outcome=outcome)
            for position, (text, outcome) in enumerate(cleaned, start=1)])
