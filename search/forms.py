"""The search page's query string, read leniently: a value that cannot be used is left out
and said so in Danish, the search itself still answers."""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from meetings.models import MeetingSeries
from search import words as search_words
from search.models import EntryKind
from search.query import Filters


@dataclass
class SearchRequest:
    q: str = ""
    words: list[str] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)
    page: int = 1
    series: list = field(default_factory=list)  # the series the viewer may filter by
    notices: list[str] = field(default_factory=list)

    @property
    def kinds(self):
        return EntryKind.choices

    def page_query(self, page: int) -> str:
        """The query string of this search's page `page`."""
        f = self.filters
        params = {"q": self.q, "serie": f.series_id or "", "fra": f.date_from or "",
                  "til": f.date_to or "", "type": f.kind or "", "side": page}
        return urlencode({k: v for k, v in params.items() if v})


def read(params, viewer) -> SearchRequest:
    notices = []
    raw = params.get("q", "")
    q = search_words.clean(raw)
    if len(" ".join(raw.split())) > search_words.MAX_CHARS:
        notices.append(_("Søgningen var for lang og er forkortet til de første %(count)s "
                         "tegn.") % {"count": search_words.MAX_CHARS})
    every_word = search_words.words(q, limit=None)
    words = every_word[:search_words.MAX_WORDS]
    if len(every_word) > len(words):
        notices.append(_("Der søges kun efter de første %(count)s ord.")
                       % {"count": search_words.MAX_WORDS})
    if q and not words:
        notices.append(_("Skriv mindst ét ord med to eller flere bogstaver eller tal."))

    series = list(MeetingSeries.objects.visible_to(viewer).order_by("name")
                  .values_list("pk", "name"))
    series_id = _number(params.get("serie"))
    if params.get("serie") and series_id not in {pk for pk, _name in series}:
        notices.append(_("Mødeserien i filteret findes ikke; der søges i alle serier."))
        series_id = None
    date_from = _date(params.get("fra"), _("Fra-datoen"), notices)
    date_to = _date(params.get("til"), _("Til-datoen"), notices)
    if date_from and date_to and date_from > date_to:
        notices.append(_("Fra-datoen ligger efter til-datoen; datoerne er byttet om."))
        date_from, date_to = date_to, date_from
    kind = params.get("type") or None
    if kind and kind not in EntryKind.values:
        notices.append(_("Typen i filteret findes ikke; der søges i alle typer."))
        kind = None
    page = _number(params.get("side")) or 1
    if params.get("side") and not _number(params.get("side")):
        notices.append(_("Sidetallet kunne ikke læses; her er første side."))
    return SearchRequest(q=q, words=words, page=page, series=series, notices=notices,
                         filters=Filters(series_id=series_id, date_from=date_from,
                                         date_to=date_to, kind=kind))


def _number(value) -> int | None:
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and 0 < len(value) < 10:
        return int(value) or None
    return None


def _date(value, name: str, notices: list[str]) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) == 10 else _bad()
    except ValueError:
        notices.append(_("%(name)s kunne ikke læses (skriv den som åååå-mm-dd) og er "
                         "udeladt.") % {"name": name})
        return None


def _bad():
    raise ValueError
