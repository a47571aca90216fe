"""The agenda as it was sent: the meeting and its items, memos and Bilag read from the history
rows as they stood when the agenda went out, printed by the same renderer as today's agenda
(documents/pdf/render.py), for the series' secretariat (history.subjects.find)."""

import re

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from documents.pdf import render
from documents.services import _numbered
from history.documents import latest
from history.subjects import SUBJECTS, find
from history.versions import KINDS
from meetings.models import Meeting
from meetings.viewer import request_viewer
from reading.content import ItemView, MeetingContent, SubItemView


def sent_moment(meeting: Meeting):
    """When the agenda went out, as the history has it: the moment of the meeting's row that
    recorded the sending (a moment after `agenda_sent_at`, in the same transaction)."""
    if meeting.agenda_sent_at is None:
        return None
    return (Meeting.history.filter(id=meeting.pk, agenda_sent_at=meeting.agenda_sent_at)
            .order_by("history_date").values_list("history_date", flat=True).first()
            or meeting.agenda_sent_at)


def _cached(instance, name: str, rows: list) -> None:
    """`instance.<name>.all()` answers `rows` (as prefetch_related leaves it), not today's."""
    model = type(instance)._meta.get_field(name).related_model
    queryset = model.objects.none()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def content_as_sent(meeting: Meeting, moment) -> MeetingContent:
    [then] = latest(KINDS["m"], moment, strict=False, id=meeting.pk) or [None]
    if then is None:
        raise Http404
    sent = then.instance
    sent.series = meeting.series
    items = sorted((row.instance for row in latest(KINDS["i"], moment, strict=False,
                                                   meeting_id=meeting.pk)),
                   key=lambda i: i.position)
    ids = [i.pk for i in items]
    parts = {}
    for letter, order in (("u", "position"), ("s", "position"), ("r", "number"),
                          ("b", "position")):
        grouped: dict[int, list] = {}
        for row in sorted(latest(KINDS[letter], moment, strict=False, item_id__in=ids),
                          key=lambda r: getattr(r, order)):
            grouped.setdefault(row.item_id, []).append(row.instance)
        parts[letter] = grouped
    views = []
    for item in items:
        item.meeting = sent
        subs = parts["u"].get(item.pk, [])
        _cached(item, "sub_items", subs)
        views.append(ItemView(
            item=item, content_visible=True,
            sub_items=[SubItemView(sub, None) for sub in subs],
            recommendations=parts["r"].get(item.pk, []),
            memo_sections=parts["s"].get(item.pk, []),
            attachments=parts["b"].get(item.pk, [])))
    return MeetingContent(meeting=sent, items=views, public=False, with_annotations=False)


@require_GET
def agenda_as_sent(request, meeting_id: int) -> HttpResponse:
    found = find(SUBJECTS["meeting"], request_viewer(request), meeting_id)
    moment = sent_moment(found.meeting)
    if moment is None:
        raise Http404  # never sent: there is no agenda as sent
    content = content_as_sent(found.meeting, moment)
    rendered = _numbered(render.render_agenda(content, with_memos=True), content.meeting)
    name = re.sub(r'[\x00-\x1f/\\:*?"<>|]+', "-", (
        f"Dagsorden {content.meeting.display_title} {content.meeting.date:%d-%m-%Y} "
        "(som udsendt)")).strip()
    response = HttpResponse(rendered.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


__all__ = ["agenda_as_sent", "content_as_sent", "sent_moment"]
