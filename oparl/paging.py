"""List pages as OParl says them (`data`, `pagination`, `links`), and the list filters
(`created_since`, `created_until`, `modified_since`, `modified_until`, `omit_internal`,
`limit`). A value the API cannot read is a BadQuery (400 with a Danish message); a page past
the end is an empty page."""

import datetime as dt
import math
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

PAGE_SIZE = 100
# Meetings carry their items and the items' files inside them (unless omit_internal): a page
# of 100 would be megabytes, so that list pages by fewer.
PAGE_SIZE_WITH_INTERNAL = 20
# A query string's unencoded "+" arrives as a space: "2024-01-01T00:00:00 01:00".
_SPACE_FOR_PLUS = re.compile(r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$")


class BadQuery(Exception):
    pass


@dataclass(frozen=True)
class Query:
    page: int
    limit: int
    internal: bool
    created_since: dt.datetime | None = None
    created_until: dt.datetime | None = None
    modified_since: dt.datetime | None = None
    modified_until: dt.datetime | None = None


def read_query(params, *, nested: bool = False) -> Query:
    """`nested`: the list's objects hold internal lists (a smaller page unless omitted)."""
    internal = params.get("omit_internal", "").lower() != "true"
    size = PAGE_SIZE_WITH_INTERNAL if nested and internal else PAGE_SIZE
    return Query(
        page=_positive(params, "page", 1, _("Sidenummeret (page) skal være et helt tal fra 1.")),
        limit=min(_positive(params, "limit", size,
                            _("Antal pr. side (limit) skal være et helt tal fra 1.")), size),
        internal=internal,
        **{name: _moment(params, name) for name in (
            "created_since", "created_until", "modified_since", "modified_until")},
    )


def _positive(params, name: str, default: int, message: str) -> int:
    value = params.get(name, "").strip()
    if not value:
        return default
    if not value.isascii() or not value.isdigit() or int(value) < 1 or len(value) > 9:
        raise BadQuery(message)
    return int(value)


def _moment(params, name: str) -> dt.datetime | None:
    value = params.get(name, "").strip()
    if not value:
        return None
    try:
        moment = parse_datetime(_SPACE_FOR_PLUS.sub(r"\1+\2", value))
    except ValueError:
        moment = None
    if moment is None:
        raise BadQuery(_("%(name)s skal være et tidspunkt som 2024-01-31T12:00:00+01:00.")
                       % {"name": name})
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def as_version(moment: dt.datetime) -> int:
    """A moment as a content version (microseconds since the epoch, meetings/versions.py)."""
    return int(moment.timestamp() * 1_000_000)


def filtered(queryset, query: Query, *, modified: str, created: str = "created_at"):
    """`modified`: the lookup of the rows' content version; `created`: of their creation."""
    if query.modified_since:
        queryset = queryset.filter(**{f"{modified}__gte": as_version(query.modified_since)})
    if query.modified_until:
        queryset = queryset.filter(**{f"{modified}__lte": as_version(query.modified_until)})
    if query.created_since:
        queryset = queryset.filter(**{f"{created}__gte": query.created_since})
    if query.created_until:
        queryset = queryset.filter(**{f"{created}__lte": query.created_until})
    return queryset


def page_of(request, queryset, query: Query, serialize) -> dict:
    """One list page of `queryset` (or a plain list): a count and the page's rows (with their
    prefetches); no query for a page past the end."""
    total = len(queryset) if isinstance(queryset, list) else queryset.count()
    pages = max(1, math.ceil(total / query.limit))
    rows = []
    if query.page <= pages:
        start = (query.page - 1) * query.limit
        rows = list(queryset[start:start + query.limit])
    links = {"first": _page_url(request, 1), "self": _page_url(request, query.page),
             "last": _page_url(request, pages)}
    if query.page > 1:
        links["prev"] = _page_url(request, min(query.page - 1, pages))
    if query.page < pages:
        links["next"] = _page_url(request, query.page + 1)
    return {
        "data": [serialize(row) for row in rows],
        "pagination": {"totalElements": total, "elementsPerPage": query.limit,
                       "currentPage": query.page, "totalPages": pages},
        "links": links,
    }


def _page_url(request, page: int) -> str:
    """The same list with the same filters, at `page`."""
    params = [(key, value) for key, values in request.GET.lists() if key != "page"
              for value in values]
    if page > 1:
        params.append(("page", str(page)))
    query = f"?{urlencode(params)}" if params else ""
    return request.build_absolute_uri(request.path) + query
