"""Search over the entries a viewer may see (search/index.py), ranked, with marked snippets.

PostgreSQL: every word must match, either the weighted vector (the word's Danish forms as
prefixes, so "klimaplanen" finds "Klimaplan" and "cykel" finds "cykler") or, as a substring,
the title, through its pg_trgm index (so "udvalg" finds "Ungeudvalget": the stemmer does not
split compounds). Ranked by ts_rank over the weights, titles holding every word first; a
common word ranks its newest CANDIDATES matches. SQLite: every word as a substring of the
title or a text, titles first, then the newest.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search import index
from search.models import EntryKind, SearchEntry
from search.words import tsquery_source, variants

PAGE_SIZE = 20
# Seconds a search may spend bringing entries up to date (only a backlog takes longer, such
# as the first indexing of a large database; `manage.py search_refresh` does that ahead).
REFRESH_BUDGET = 2.0
# A common word matches tens of thousands of entries: the newest CANDIDATES matches are
# ranked (and counted), so a search costs the same however common its words are.
CANDIDATES = 500
SNIPPET_CHARS = 240
MARKS = f'StartSel="{index.HIT_START}", StopSel="{index.HIT_END}"'
HEADLINE_OPTIONS = f'{MARKS}, MaxWords=35, MinWords=15'
# The text a snippet is cut from; a Bilag's text only in its first part (ts_headline reads
# all it is given).
T = "search_searchentry"
SNIPPET_SOURCE = (f"concat_ws(' … ', nullif({T}.text_b, ''), nullif({T}.text_c, ''), "
                  f"nullif(left({T}.text_d, 20000), ''))")
# The page's rows are read by id, so the table is named as it is (never a subquery's alias).
# ts_headline reads "<b>" as a tag and drops it: it is given stand-ins for < > &.
_FROM, _TO = "".join(index.STAND_INS), "".join(index.STAND_INS.values())
_BACK = str.maketrans(dict(zip(_TO, _FROM, strict=True)))


def _headline(source: str, options: str) -> str:
    return (f"ts_headline('danish', translate({source}, '{_FROM}', '{_TO}'), %s::tsquery, "
            f"'{_sql_text(options)}')")


@dataclass(frozen=True)
class Filters:
    series_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    kind: str | None = None


@dataclass
class Hit:
    entry: SearchEntry
    title: SafeString
    snippet: SafeString

    @property
    def kind_label(self) -> str:
        return self.entry.get_kind_display()

    @property
    def url(self) -> str:
        entry = self.entry
        if entry.kind == EntryKind.ATTACHMENT:
            return reverse("agendas:attachment", args=[entry.object_id])
        page = reverse("reading:meeting", args=[entry.meeting_id])
        return page if entry.item_number is None else f"{page}#punkt-{entry.item_number}"


@dataclass
class Results:
    hits: list[Hit] = field(default_factory=list)
    count: int = 0
    page: int = 1
    # The words were all too common to search for ("og", "i", "at").
    only_common_words: bool = False

    candidates = CANDIDATES

    @property
    def more(self) -> bool:
        """More matched than were ranked: the newest CANDIDATES are shown."""
        return self.count > CANDIDATES

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.count, CANDIDATES) // PAGE_SIZE))


def search(*, viewer, words: list[str], filters: Filters, page: int = 1) -> Results:
    """The page `page` of what `viewer` (a resolved viewer) finds with `words`."""
    behind = index.refresh(budget=REFRESH_BUDGET)
    entries = SearchEntry.objects.filter(index.visible_q(viewer))
    if behind:  # a backlog (a first indexing): what is not current is left out
        entries = entries.exclude(meeting_id__in=behind)
    if filters.series_id:
        entries = entries.filter(series_id=filters.series_id)
    if filters.date_from:
        entries = entries.filter(date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(date__lte=filters.date_to)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if connection.vendor == "postgresql":
        return _postgresql(entries, words, page)
    return _substrings(entries, words, page)


def _count(entries) -> int:
    """How many match, up to CANDIDATES + 1 (more is "more than CANDIDATES")."""
    return entries[:CANDIDATES + 1].count()


def _page_slice(count: int, page: int) -> tuple[int, int]:
    page = min(max(page, 1), Results(count=count).pages)
    return page, (page - 1) * PAGE_SIZE


def _candidates(entries):
    """The newest CANDIDATES matches, as a subquery of ids."""
    return entries.order_by("-date", "-pk").values("pk")[:CANDIDATES]


def _postgresql(entries, words: list[str], page: int) -> Results:
    queries = _tsqueries(words)
    kept = [(word, tsq) for word, tsq in zip(words, queries, strict=True) if tsq]
    if not kept:
        return Results(only_common_words=True)
    for word, tsq in kept:
        entries = entries.filter(Q(vector=_tsquery(tsq)) | Q(title_folded__contains=word))
    any_word = " | ".join(f"({tsq})" for _, tsq in kept)
    count = _count(entries)
    page, offset = _page_slice(count, page)
    # A title holding every word as typed (a compound's second half too) comes first.
    in_title = Q()
    for word, _ in kept:
        in_title &= Q(title_folded__contains=word)
    rank = (Coalesce(SearchRank(F("vector"), _tsquery(any_word), normalization=Value(1)),
                     Value(0.0))
            + Case(When(in_title, then=Value(0.5)), default=Value(0.0)))
    ids = list(SearchEntry.objects.filter(pk__in=_candidates(entries)).annotate(rank=rank)
               .order_by("-rank", "-date", "pk").values_list("pk", flat=True)
               [offset:offset + PAGE_SIZE])
    found = {e.pk: e for e in SearchEntry.objects.filter(pk__in=ids).select_related(
        "meeting__series").defer("vector", "text_b", "text_c", "text_d").annotate(
        title_marked=RawSQL(_headline(f"{T}.title", f"HighlightAll=true, {MARKS}"), [any_word]),
        snippet_marked=RawSQL(_headline(SNIPPET_SOURCE, HEADLINE_OPTIONS), [any_word]))}
    hits = []
    for pk in ids:
        entry = found[pk]
        title = (_from_headline(entry.title_marked) if index.HIT_START in entry.title_marked
                 else mark(entry.title, [w for w, _ in kept]))
        hits.append(Hit(entry, title, _from_headline(entry.snippet_marked)))
    return Results(hits=hits, count=count, page=page)


def _tsquery(text: str) -> SearchQuery:
    """A tsquery's text as PostgreSQL wrote it (already Danish stems): read back with the
    `simple` configuration, which changes no lexeme."""
    return SearchQuery(text, search_type="raw", config="simple")


def _sql_text(value: str) -> str:
    return value.replace("'", "''")


def _tsqueries(words: list[str]) -> list[str]:
    """Each word's Danish forms as a tsquery's text ('' for a word too common to count), in
    one query."""
    if not words:
        return []
    columns = ", ".join("to_tsquery('danish', %s)::text" for _ in words)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}", [tsquery_source(word) for word in words])
        return list(cursor.fetchone())


def _from_headline(marked: str) -> SafeString:
    """ts_headline's text, escaped, with its hit marks as <mark>."""
    return mark_safe(escape(marked.translate(_BACK)).replace(index.HIT_START, "<mark>")  # noqa: S308
                     .replace(index.HIT_END, "</mark>"))


def _substrings(entries, words: list[str], page: int) -> Results:
    if not words:
        return Results(only_common_words=True)
    in_title = Q()
    forms = []
    for word in words:
        # The same Danish forms as PostgreSQL looks for, as substrings.
        found = Q()
        for form in variants(word):
            found |= (Q(title_folded__contains=form) | Q(text_b__icontains=form)
                      | Q(text_c__icontains=form) | Q(text_d__icontains=form))
        entries = entries.filter(found)
        in_title &= Q(title_folded__contains=word)
        forms += variants(word)
    count = _count(entries)
    page, offset = _page_slice(count, page)
    rows = (SearchEntry.objects.filter(pk__in=_candidates(entries))
            .select_related("meeting__series")
            .annotate(title_hit=Case(When(in_title, then=Value(1)), default=Value(0)))
            .order_by("-title_hit", "-date", "pk")[offset:offset + PAGE_SIZE])
    hits = [Hit(e, mark(e.title, forms), mark(_around(_text(e), forms), forms)) for e in rows]
    return Results(hits=hits, count=count, page=page)


def _text(entry: SearchEntry) -> str:
    return " … ".join(t for t in (entry.text_b, entry.text_c, entry.text_d[:20000]) if t)


def _around(text: str, words: list[str]) -> str:
    """About SNIPPET_CHARS of `text` around its first hit."""
    folded = text.lower() if len(text.lower()) == len(text) else text
    first = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
    start = max(0, first - SNIPPET_CHARS // 3)
    part = text[start:start + SNIPPET_CHARS]
    return ("… " if start else "") + part + (" …" if start + SNIPPET_CHARS < len(text) else "")


def mark(text: str, words: list[str]) -> SafeString:
    """`text` escaped, with each occurrence of a word (any case) as <mark>."""
    folded = text.lower()
    if len(folded) != len(text):  # a letter whose lower case is longer: no marks
        return escape(text)
    spans = []
    for word in words:
        start = folded.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    out, at = [], 0
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < at:
            continue
        out += [escape(text[at:start]), "<mark>", escape(text[start:end]), "</mark>"]
        at = end
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # noqa: S308
