"""The meeting page, made of two kept parts (common/page_cache.py):

- the body (header, sections, agenda) as a class of viewers sees it: anonymous, outsider
  (logged in, not of the series), member or secretariat. It is assembled for a viewer who
  stands for the class and nobody in particular, so it cannot hold anyone's own things, and
  it is kept under the meeting's content version for every reader of the class;
- the page as one reader sees it: the body, with their notes and the shared comments in each
  item, inside the site's frame (their name). Kept under both versions and the reader.

A repeated request costs the viewer's roles, the meeting's current versions (one query
through its visibility rule, compiled once: meetings.versions.current_versions) and one
cache read.
"""

import re
from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from agendas.models import AgendaItem, Comment, Note
from common import page_cache
from meetings.models import Meeting
from meetings.versions import as_timestamp
from meetings.viewer import ANONYMOUS, Viewer
from reading import sections
from reading.content import audience, meeting_content

ANNOTATIONS_MARK = re.compile(r"<!--annotations:(\d+)-->")


def class_viewer(audience: str, series_id: int) -> Viewer:
    """A viewer who sees what the class sees of a meeting of `series_id` and owns nothing
    (user id 0 is nobody: no note is theirs). Reading what the reader reads, it may use what
    the meeting was fetched knowing for the reader (reading.content.readable_meetings)."""
    if audience == "secretariat":
        return Viewer(user_id=0, secretariat=(series_id,))
    if audience == "member":
        return Viewer(user_id=0, member=(series_id,))
    # An outsider reads what the public reads; only the offers around it differ.
    return ANONYMOUS if audience == "anonymous" else Viewer(user_id=0)


def meeting_page(request, *, meeting_id: int, current: tuple[int, int, int], viewer: Viewer,
                 load: Callable[[], Meeting]):
    """The page of the meeting whose series and versions are `current` (as the rule let
    `viewer` see it); `load` fetches the meeting itself, when something must be made."""
    series_id, content_version, annotations_version = current
    who = audience(viewer, series_id)
    insider = who in {"member", "secretariat"}
    # A section showing this reader's running pack makes the page afresh, and keeps nothing.
    live = any(section.live(request, meeting_id=meeting_id) for section in sections.sections())
    versions = (content_version, annotations_version if insider else "")
    body_key = page_cache.key("meeting-body", meeting_id, content_version, who)
    page_key = page_cache.key("meeting-page", meeting_id, *versions, who,
                              page_cache.user_stamp(request.user), bool(request.htmx),
                              request.get_full_path())

    def body(meeting: Meeting) -> str:
        stand_in = class_viewer(who, series_id)
        content = meeting_content(meeting=meeting, user=stand_in)
        parts = [mark_safe(section.render(request, meeting=meeting, content=content,  # noqa: S308
                                          viewer=stand_in))
                 for section in sections.sections()]
        return render_to_string("reading/meeting_detail.html#meeting-body",
                                page_cache.context_for_cache({
                                    "meeting": meeting, "content": content, "sections": parts,
                                    "annotations": insider, "can_edit": who == "secretariat",
                                }), request=request)

    def page() -> str:
        meeting = load()
        html = page_cache.get_or_render(body_key, lambda: body(meeting), store=not live)
        if insider:
            html = _with_annotations(request, html, meeting=meeting, viewer=viewer)
        return render_to_string("reading/meeting_detail.html", page_cache.context_for_cache({
            "meeting": meeting, "body": mark_safe(html)}), request=request)  # noqa: S308

    return page_cache.page_response(request, page_key=page_key, render=page, store=not live,
                                    last_modified=as_timestamp(max(content_version,
                                                                   annotations_version)
                                                               if insider else content_version))


def _with_annotations(request, html: str, *, meeting: Meeting, viewer: Viewer) -> str:
    """The body with the reader's own notes and the shared comments in each readable item
    (the body marks where they go)."""
    item_ids = [int(pk) for pk in ANNOTATIONS_MARK.findall(html)]
    notes, comments = {}, {}
    for note in Note.objects.visible_to(viewer).filter(item_id__in=item_ids):
        notes.setdefault(note.item_id, []).append(note)
    for comment in (Comment.objects.visible_to(viewer).filter(item_id__in=item_ids)
                    .select_related("author")):
        comments.setdefault(comment.item_id, []).append(comment)

    def annotations(match) -> str:
        pk = int(match.group(1))
        # The partial reads the item's id alone.
        return render_to_string("agendas/item_annotations.html#annotations", {
            "item": AgendaItem(pk=pk, meeting=meeting), "notes": notes.get(pk, []),
            "comments": comments.get(pk, []), "csrf_token": page_cache.CSRF_PLACEHOLDER,
        }, request=request)

    return ANNOTATIONS_MARK.sub(annotations, html)
