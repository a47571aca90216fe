"""Content keys: a document is identified by a hash of everything it shows.

The serialisation walks the MeetingContent that the document is rendered from (so it sees
exactly what the viewer may see) and writes every stored field of every object the
document prints, in a canonical JSON form. Any edit that changes what a document shows
changes its key; edits elsewhere (another item, a note, the meeting's status for a memo)
do not, so only the parts that show them render again.

RENDERER_VERSION and a digest of the templates and stylesheet are part of every key, so a
change of layout retires the stored documents by itself.
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile

from reading.content import ItemView, MeetingContent

RENDERER_VERSION = 2
TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "documents"
# The documents' own templates, and the partials they share with the meeting page (which
# live with the page, in the reading layer below the documents).
SHARED = Path(__file__).resolve().parents[2] / "reading" / "templates" / "reading" / "shared"
TEMPLATE_DIRS = (TEMPLATES / "pdf", SHARED)
# Large or derived fields that a document never prints.
SKIPPED_FIELDS = {"text"}  # Attachment.text: the file's own text, covered by its sha256


class _Encoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, FieldFile):
            return o.name
        return super().default(o)


def row(obj: models.Model | None, *, skip: set[str] = frozenset()) -> dict | None:
    if obj is None:
        return None
    return {f.attname: f.value_from_object(obj) for f in obj._meta.concrete_fields
            if f.attname not in skip}


def meeting_data(content: MeetingContent) -> dict:
    meeting = content.meeting
    series = meeting.series
    return {"meeting": row(meeting), "series": row(series),
            "public": content.public}


def item_data(entry: ItemView, *, decisions: bool, memo: bool = True) -> dict:
    """What any document can print of one item. `decisions` adds the decision (the minutes
    print it, the agenda and the memo do not); without `memo` the memo's sections are left
    out (only the memo and the agenda on its own print them), so that an edit to a memo
    renders that memo again and not the minutes or the pack's agenda."""
    data = {"item": row(entry.item), "content_visible": entry.content_visible}
    if not entry.content_visible:
        return data
    data.update(
        slot=str(entry.slot) if entry.slot else None,
        memo_template=row(entry.item.memo_template),
        sub_items=[[row(s.sub), str(s.slot) if s.slot else None] for s in entry.sub_items],
        recommendations=[row(r) for r in entry.recommendations],
        memo_sections=[row(s) for s in entry.memo_sections] if memo else None,
        attachments=[row(a, skip=SKIPPED_FIELDS) for a in entry.attachments],
    )
    if decisions and entry.decision is not None:
        decision = entry.decision
        data["decision"] = {
            "decision": row(decision),
            "points": [[row(p), p.answered_numbers()]
                       for p in decision.points.all()],
            "follow_ups": [[row(f), f.owner] for f in decision.follow_ups.all()],
            "absences": [[row(a), a.name] for a in entry.absences],
        }
    return data


def attendance_data(content: MeetingContent) -> list:
    """Who came, as the minutes print it."""
    return [[row(a), a.name] for a in content.attendance]


def annotations_data(content: MeetingContent) -> list:
    return [[entry.item.pk,
             [row(n) for n in entry.notes],
             [[row(c), c.author.get_full_name() or c.author.get_username()]
              for c in entry.comments]]
            for entry in content.readable_items]


@lru_cache(maxsize=1)
def layout_digest() -> str:
    """The templates and stylesheet the documents are drawn with."""
    digest = hashlib.sha256()
    for path in sorted(p for directory in TEMPLATE_DIRS for p in directory.glob("*.html")):
        digest.update(f"{path.parent.name}/{path.name}".encode() + b"\0" + path.read_bytes())
    for name in ("css/pdf.css",):
        digest.update(Path(finders.find(name)).read_bytes())
    return digest.hexdigest()[:16]


def key(kind: str, **data) -> str:
    """The content key of a document of `kind` showing `data`."""
    payload = json.dumps({"kind": kind, "renderer": RENDERER_VERSION, "layout": layout_digest(),
                          **data}, cls=_Encoder, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()
