"""The OParl 1.1 endpoints: the system, its one body, and the body's lists and objects.

Each object view reads its row through oparl/sources.py (the anonymous visitor's visibility
rule), so an object the public may not see is the same 404 as one that does not exist."""

from django.http import Http404

from oparl import objects, sources
from oparl.objects import Links
from oparl.paging import filtered, page_of, read_query
from oparl.responses import api_view, dated, json_response, not_found


@api_view
def system(request):
    version = sources.latest_version()
    return dated(request, version,
                 lambda: json_response(objects.system(Links(request), version)))


@api_view
def body(request):
    version = sources.latest_version()
    return dated(request, version, lambda: json_response(objects.body(Links(request), version)))


def _listing(request, rows, serialize, *, modified: str, nested: bool = False):
    """A list page: `rows(query)` gives the queryset (or a plain list), dated by the newest
    content version of any meeting."""
    query = read_query(request.GET, nested=nested)
    links = Links(request)

    def build():
        queryset = rows(query)
        if not isinstance(queryset, list):
            queryset = filtered(queryset, query, modified=modified)
        return json_response(page_of(request, queryset, query,
                                     lambda row: serialize(links, row, query)))

    return dated(request, sources.latest_version(), build)


@api_view
def body_list(request):
    version = sources.latest_version()
    return _listing(request, lambda q: [objects.body(Links(request), version)],
                    lambda links, row, q: row, modified="")


@api_view
def organization_list(request):
    return _listing(request, lambda q: sources.organizations(),
                    lambda links, row, q: objects.organization(links, row),
                    modified="modified_version")


@api_view
def meeting_list(request, series_id: int | None = None):
    def rows(query):
        queryset = sources.meetings(internal=query.internal)
        return queryset.filter(series_id=series_id) if series_id is not None else queryset

    if series_id is not None and not sources.organizations().filter(pk=series_id).exists():
        raise Http404
    return _listing(request, rows,
                    lambda links, row, q: objects.meeting(links, row, internal=q.internal),
                    modified="content_version", nested=True)


@api_view
def agenda_item_list(request):
    return _listing(request, lambda q: sources.agenda_items(internal=q.internal),
                    lambda links, row, q: objects.agenda_item(links, row, internal=q.internal),
                    modified="meeting__content_version")


@api_view
def paper_list(request):
    return _listing(request, lambda q: sources.papers(internal=q.internal),
                    lambda links, row, q: objects.paper(links, row, internal=q.internal),
                    modified="meeting__content_version")


@api_view
def consultation_list(request):
    return _listing(request, lambda q: sources.consultations(),
                    lambda links, row, q: objects.consultation(links, row),
                    modified="meeting__content_version")


@api_view
def file_list(request):
    return _listing(request, lambda q: sources.files(),
                    lambda links, row, q: objects.file(links, row, text=True),
                    modified="item__meeting__content_version")


@api_view
def empty_list(request):
    """People and legislative terms: Referat keeps none, so their lists are empty."""
    return _listing(request, lambda q: [], None, modified="")


def _one(queryset, pk: int):
    row = queryset.filter(pk=pk).first()
    if row is None:
        raise Http404
    return row


@api_view
def organization(request, series_id: int):
    series = _one(sources.organizations(), series_id)
    return dated(request, series.modified_version,
                 lambda: json_response(objects.organization(Links(request), series)))


@api_view
def meeting(request, meeting_id: int):
    row = _one(sources.meetings(), meeting_id)
    return dated(request, row.content_version,
                 lambda: json_response(objects.meeting(Links(request), row)))


@api_view
def agenda_item(request, item_id: int):
    item = _one(sources.agenda_items(), item_id)
    return dated(request, item.meeting.content_version,
                 lambda: json_response(objects.agenda_item(Links(request), item)))


@api_view
def paper(request, item_id: int):
    item = _one(sources.papers(), item_id)
    return dated(request, item.meeting.content_version,
                 lambda: json_response(objects.paper(Links(request), item)))


@api_view
def consultation(request, item_id: int):
    item = _one(sources.consultations(), item_id)
    return dated(request, item.meeting.content_version,
                 lambda: json_response(objects.consultation(Links(request), item)))


@api_view
def file(request, attachment_id: int):
    attachment = _one(sources.files(), attachment_id)
    return dated(request, attachment.item.meeting.content_version,
                 lambda: json_response(objects.file(Links(request), attachment, text=True)))


def _meeting_view(serialize):
    @api_view
    def view(request, meeting_id: int):
        row = _one(sources.meetings(internal=False), meeting_id)
        if serialize is objects.location and not row.location:
            raise Http404
        return dated(request, row.content_version,
                     lambda: json_response(serialize(Links(request), row)))

    return view


location = _meeting_view(objects.location)
invitation = _meeting_view(lambda links, row: objects.meeting_document(links, row, "invitation"))
results_protocol = _meeting_view(
    lambda links, row: objects.meeting_document(links, row, "resultsProtocol"))


@api_view
def main_file(request, item_id: int):
    item = _one(sources.papers(internal=False), item_id)
    return dated(request, item.meeting.content_version,
                 lambda: json_response(objects.memo_document(Links(request), item)))


@api_view
def unknown(request, rest: str):
    return not_found()
