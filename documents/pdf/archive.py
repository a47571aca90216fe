"""The archive variant (PDF/A-3b) with its data inside: the meeting's agenda or minutes as
JSON, embedded as an associated file (/AFRelationship /Data, listed in the catalog's /AF),
so that an archive keeps the decisions as data and not only as print.

The data is what the document shows, taken from the same MeetingContent it was rendered
from: the visibility rules have been applied, so a closed item that the reader may not see
is its number and title only, here as in print.
"""

import json
from dataclasses import dataclass

import pikepdf
from django.utils import timezone, translation
from pikepdf import Name
from pikepdf.models.metadata import encode_pdf_date

from common.richtext import html_to_text
from documents.pdf.render import ARCHIVE
from reading.content import ItemView, MeetingContent

SCHEMA = "https://referat.invalid/schemas/meeting-record/1"  # names the format; never fetched
MIME_TYPE = "application/json"


@dataclass(frozen=True)
class DataFile:
    """A file to embed: its name, bytes and what it is."""

    filename: str
    data: bytes
    description: str
    mime_type: str = MIME_TYPE


def meeting_record(content: MeetingContent, *, decisions: bool) -> dict:
    """The meeting as data: each item in the order of treatment with its recommendation points
    and, with `decisions` (the minutes), its decision: the points with their outcome and the
    recommendation points they answer, the discussion as text, and the follow-ups with owner
    and due date."""
    meeting = content.meeting
    return {
        "$schema": SCHEMA,
        "document": "referat" if decisions else "dagsorden",
        "public": content.public,
        "meeting": {
            "series": meeting.series.name,
            "kind": meeting.series.kind,
            "title": meeting.title,
            "date": meeting.date.isoformat(),
            "start_time": meeting.start_time.isoformat("minutes"),
            "end_time": meeting.end_time.isoformat("minutes") if meeting.end_time else None,
            "location": meeting.location,
            "status": meeting.status,
            "minutes_approved_at": (meeting.minutes_approved_at.isoformat()
                                    if meeting.minutes_approved_at else None),
        },
        "items": [_item(entry, decisions=decisions) for entry in content.items],
    }


def _item(entry: ItemView, *, decisions: bool) -> dict:
    item = entry.item
    data = {"number": item.number, "title": item.title, "closed": item.is_closed,
            "content_visible": entry.content_visible}
    if not entry.content_visible:
        return data
    data.update(
        minutes=item.minutes,
        responsible=item.responsible,
        case_number=item.case_number,
        recommendations=[{"number": p.number, "text": p.text} for p in entry.recommendations],
        attachments=[{"position": a.position, "title": a.title} for a in entry.attachments],
    )
    if decisions:
        decision = entry.decision
        data["decision"] = None if decision is None else {
            "text": html_to_text(decision.text),
            "points": [{
                "number": point.number,
                "text": point.text,
                "outcome": point.outcome,
                "outcome_label": str(point.get_outcome_display()),
                "answers": sorted(r.number for r in point.answers.all()),
            } for point in decision.points.all()],
            "follow_ups": [{
                "description": follow_up.description,
                "owner": follow_up.owner,
                "owner_is_person": follow_up.owner_user_id is not None,
                "due_date": follow_up.due_date.isoformat() if follow_up.due_date else None,
                "status": follow_up.status,
            } for follow_up in decision.follow_ups.all()],
        }
    return data


def record_file(content: MeetingContent, variant: str | None, *,
                decisions: bool) -> DataFile | None:
    """The embedded file of an archived agenda (`decisions` False) or minutes; None for the
    variants that are not the archive's."""
    if variant != ARCHIVE:
        return None
    with translation.override("da"):  # the outcomes' labels, as the minutes print them
        record = meeting_record(content, decisions=decisions)
    name = "referat" if decisions else "dagsorden"
    meeting = content.meeting
    return DataFile(
        filename=f"{name}-{meeting.date:%Y-%m-%d}.json",
        data=json.dumps(record, ensure_ascii=False, indent=1).encode(),
        description=(f"{'Referat' if decisions else 'Dagsorden'}: {meeting.series.name} "
                     f"{meeting.date:%d-%m-%Y} (maskinlæsbart, JSON)"))


def embed(pdf: pikepdf.Pdf, file: DataFile) -> None:
    """Attach `file` as the document's data (PDF/A-3: an associated file, /AF)."""
    stamp = encode_pdf_date(timezone.now())
    spec = pikepdf.AttachedFileSpec(
        pdf, file.data, description=file.description, filename=file.filename,
        mime_type=file.mime_type, creation_date=stamp, mod_date=stamp, relationship=Name.Data)
    pdf.attachments[file.filename] = spec  # pikepdf lists it in /AF, for its relationship


def make_pdfa(pdf: pikepdf.Pdf) -> None:
    """The merged pack as PDF/A-3b: pikepdf's preparation sets the sRGB output intent, the
    PDF/A identification in the XMP, the Print flag on annotations and drops what PDF/A
    forbids (JavaScript, alternate presentations) from what the attachments brought."""
    from pikepdf import pdfa

    pdfa.prepare(pdf, "3b")


def save_options() -> dict:
    from pikepdf import pdfa

    return pdfa.resolve_save_kwargs("3b", compress_streams=True,
                                    object_stream_mode=pikepdf.ObjectStreamMode.generate)
