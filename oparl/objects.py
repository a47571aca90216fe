"""The OParl 1.1 objects, as JSON-ready dicts, from rows the sources (oparl/sources.py) chose.

Ids are absolute URLs of the API's own views, so they are stable as long as the rows are.
Texts are the stored Danish texts; labels are Danish whatever language the reader's browser
asks for (the API view activates Danish)."""

import datetime as dt
from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from agendas.models import Method
from agendas.views.reading import _pdf_filename
from decisions.models import Outcome
from meetings.models import MeetingStatus
from meetings.versions import as_timestamp

SCHEMA = "https://schema.oparl.org/1.1/"
BODY_NAME = getattr(settings, "OPARL_BODY_NAME",
                    "Aarhus Kommune, Magistratsafdelingen for Sociale Forhold og Beskæftigelse")
BODY_SHORT_NAME = getattr(settings, "OPARL_BODY_SHORT_NAME", "MSB")
BODY_WEBSITE = getattr(settings, "OPARL_BODY_WEBSITE", "https://www.aarhus.dk/")


class Links:
    """Absolute URLs for one request (scheme and host as the client asked). Each URL name is
    reversed once per request, with a stand-in id that each object's id then replaces: a list
    page links thousands of objects, and reverse() per link was most of its time."""

    _STAND_IN = "2147483647"

    def __init__(self, request):
        self.request = request
        self.root = request.build_absolute_uri("/").removesuffix("/")
        self._templates: dict[str, tuple[str, str]] = {}

    def __call__(self, name: str, pk=None) -> str:
        template = self._templates.get(name)
        if template is None:
            if pk is None:
                template = (self.root + reverse(name), "")
            else:
                before, after = reverse(name, args=[self._STAND_IN]).split(self._STAND_IN)
                template = (self.root + before, after)
            self._templates[name] = template
        return template[0] if pk is None else f"{template[0]}{pk}{template[1]}"

    def web(self, path: str) -> str:
        return self.root + path

    def item_web(self, item) -> str:
        """The item on its meeting's page, as AgendaItem.get_absolute_url says it."""
        return f"{self('reading:meeting', item.meeting_id)}#punkt-{item.number}"


def version_time(version: int | None) -> dt.datetime | None:
    if version is None:
        return None
    return dt.datetime.fromtimestamp(as_timestamp(version), tz=dt.UTC)


def _stamp(version: int | None, row=None) -> dict:
    """`created` (when the row was made, if known) and `modified` (its meeting's version)."""
    stamps = {}
    made = getattr(row, "created_at", None)
    if made is not None:
        stamps["created"] = _iso(made)
    if version is not None:
        stamps["modified"] = _version_iso(version)
    return stamps


@lru_cache(maxsize=4096)
def _version_iso(version: int) -> str:
    # A page's items and files share their meeting's version: written once.
    return _iso(version_time(version))


@lru_cache(maxsize=256)
def _label(choices, value: str, language: str) -> str:
    """A choice's label (get_FOO_display() per row hashes every lazy label of the field)."""
    with translation.override(language):
        return str(dict(choices.choices).get(value, value)) if value else ""


def label(choices, value: str) -> str:
    return _label(choices, value, translation.get_language())


def _iso(moment: dt.datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def _local(date: dt.date, time: dt.time | None) -> str | None:
    if time is None:
        return None
    moment = timezone.make_aware(dt.datetime.combine(date, time))
    return moment.isoformat(timespec="seconds")


def _drop_empty(data: dict) -> dict:
    """OParl leaves out what has no value rather than writing null."""
    return {key: value for key, value in data.items() if value not in (None, "")}


def system(links: Links, version: int | None) -> dict:
    return _drop_empty({
        "id": links("oparl:system"),
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "name": f"Referat – {BODY_NAME}",
        "body": links("oparl:body_list"),
        "website": links.web("/"),
        "web": links.web("/"),
        **_stamp(version),
    })


def body(links: Links, version: int | None) -> dict:
    return _drop_empty({
        "id": links("oparl:body"),
        "type": SCHEMA + "Body",
        "system": links("oparl:system"),
        "name": BODY_NAME,
        "shortName": BODY_SHORT_NAME,
        "website": BODY_WEBSITE,
        "classification": "Forvaltning",
        "organization": links("oparl:organization_list"),
        "person": links("oparl:person_list"),
        "meeting": links("oparl:meeting_list"),
        "paper": links("oparl:paper_list"),
        "agendaItem": links("oparl:agenda_item_list"),
        "consultation": links("oparl:consultation_list"),
        "file": links("oparl:file_list"),
        "legislativeTermList": links("oparl:legislative_term_list"),
        "legislativeTerm": [],
        "web": links.web("/"),
        **_stamp(version),
    })


def organization(links: Links, series) -> dict:
    return _drop_empty({
        "id": links("oparl:organization", series.pk),
        "type": SCHEMA + "Organization",
        "body": links("oparl:body"),
        "name": series.name,
        "organizationType": "Mødeforum",
        "classification": str(series.get_kind_display()),
        "meeting": links("oparl:organization_meeting_list", series.pk),
        "web": links("meetings:series", series.pk),
        **_stamp(getattr(series, "modified_version", None), series),
    })


def meeting(links: Links, meeting, *, internal: bool = True) -> dict:
    data = {
        "id": links("oparl:meeting", meeting.pk),
        "type": SCHEMA + "Meeting",
        "name": f"{meeting.display_title} {meeting.date:%d-%m-%Y}",
        "meetingState": label(MeetingStatus, meeting.status),
        "cancelled": meeting.is_cancelled,
        "start": _local(meeting.date, meeting.start_time),
        "end": _local(meeting.date, meeting.end_time),
        "organization": [links("oparl:organization", meeting.series_id)],
        "location": location(links, meeting) if meeting.location else None,
        "invitation": meeting_document(links, meeting, "invitation"),
        "resultsProtocol": meeting_document(links, meeting, "resultsProtocol"),
        "web": links("reading:meeting", meeting.pk),
        **_stamp(meeting.content_version, meeting),
    }
    if internal:
        data["agendaItem"] = [agenda_item(links, item, meeting=meeting)
                              for item in meeting.public_items]
    return _drop_empty(data)


def agenda_item(links: Links, item, *, meeting=None, internal: bool = True) -> dict:
    meeting = meeting or item.meeting
    decision = _decision(item)
    data = {
        "id": links("oparl:agenda_item", item.pk),
        "type": SCHEMA + "AgendaItem",
        "meeting": links("oparl:meeting", meeting.pk),
        "number": str(item.number),
        "order": item.position,
        "name": item.title,
        "public": True,
        "consultation": links("oparl:consultation", item.pk) if item.has_memo else None,
        "web": links.item_web(item),
        **_stamp(meeting.content_version, item),
    }
    if decision is not None:
        points = decision.public_points
        data["result"] = "; ".join(dict.fromkeys(label(Outcome, p.outcome) for p in points))
        data["resolutionText"] = "\n".join(f"{p.number}) {p.text}" for p in points)
    if internal:
        data["auxiliaryFile"] = [file(links, attachment, item=item, meeting=meeting)
                                 for attachment in item.public_files]
    return _drop_empty(data)


def _decision(item):
    try:
        return item.decision  # prefetched by the public rule: absent when not released
    except item._meta.get_field("decision").related_model.DoesNotExist:
        return None


def paper(links: Links, item, *, internal: bool = True) -> dict:
    data = {
        "id": links("oparl:paper", item.pk),
        "type": SCHEMA + "Paper",
        "body": links("oparl:body"),
        "name": item.memo_heading,
        "reference": item.case_number,
        "date": item.memo_date.isoformat() if item.memo_date else None,
        "paperType": "Indstilling",
        "mainFile": memo_document(links, item),
        "consultation": [consultation(links, item)],
        "web": links.item_web(item),
        **_stamp(item.meeting.content_version, item),
    }
    if internal:
        data["auxiliaryFile"] = [file(links, attachment, item=item, meeting=item.meeting)
                                 for attachment in item.public_files]
    return _drop_empty(data)


def consultation(links: Links, item) -> dict:
    return _drop_empty({
        "id": links("oparl:consultation", item.pk),
        "type": SCHEMA + "Consultation",
        "paper": links("oparl:paper", item.pk),
        "agendaItem": links("oparl:agenda_item", item.pk),
        "meeting": links("oparl:meeting", item.meeting_id),
        "organization": [links("oparl:organization", item.meeting.series_id)],
        "authoritative": item.method == "beslutning",
        "role": label(Method, item.method) or "Behandling",
        **_stamp(item.meeting.content_version, item),
    })


def file(links: Links, attachment, *, item=None, meeting=None, text: bool = False) -> dict:
    item = item or attachment.item
    meeting = meeting or item.meeting
    access = links("agendas:attachment", attachment.pk)
    return _drop_empty({
        "id": links("oparl:file", attachment.pk),
        "type": SCHEMA + "File",
        "name": attachment.title,
        "fileName": _pdf_filename(attachment.title),  # as the download names it
        "mimeType": "application/pdf",
        "size": attachment.size,
        "text": attachment.text if text else None,
        "accessUrl": access,
        "downloadUrl": f"{access}?hent=1",
        "meeting": [links("oparl:meeting", meeting.pk)],
        "agendaItem": [links("oparl:agenda_item", item.pk)],
        "paper": [links("oparl:paper", item.pk)] if item.has_memo else None,
        "web": access,
        **_stamp(meeting.content_version, attachment),
    })


def location(links: Links, meeting) -> dict:
    """Where the meeting is held, as the agenda says it (a place's name, no address)."""
    return _drop_empty({
        "id": links("oparl:location", meeting.pk),
        "type": SCHEMA + "Location",
        "description": meeting.location,
        "meetings": [links("oparl:meeting", meeting.pk)],
        **_stamp(meeting.content_version),
    })


# A published meeting's own documents, as the meeting page offers them: the agenda
# (OParl's invitation) and the minutes (its results protocol).
MEETING_DOCUMENTS = {
    "invitation": ("oparl:invitation", "documents:agenda", "Dagsorden", "dagsorden.pdf"),
    "resultsProtocol": ("oparl:results_protocol", "documents:minutes", "Referat",
                        "referat.pdf"),
}


def meeting_document(links: Links, meeting, kind: str) -> dict:
    own, document, name, file_name = MEETING_DOCUMENTS[kind]
    access = links(document, meeting.pk)
    return _drop_empty({
        "id": links(own, meeting.pk),
        "type": SCHEMA + "File",
        "name": f"{name}, {meeting.display_title} {meeting.date:%d-%m-%Y}",
        "fileName": file_name,
        "mimeType": "application/pdf",
        "date": meeting.date.isoformat(),
        "accessUrl": access,
        "downloadUrl": access,
        "meeting": [links("oparl:meeting", meeting.pk)],
        "web": access,
        **_stamp(meeting.content_version),
    })


def memo_document(links: Links, item) -> dict:
    """The memo ("Indstilling") of a paper as its PDF."""
    access = links("documents:memo", item.pk)
    return _drop_empty({
        "id": links("oparl:main_file", item.pk),
        "type": SCHEMA + "File",
        "name": f"Indstilling: {item.memo_heading}",
        "fileName": "indstilling.pdf",
        "mimeType": "application/pdf",
        "accessUrl": access,
        "downloadUrl": access,
        "meeting": [links("oparl:meeting", item.meeting_id)],
        "agendaItem": [links("oparl:agenda_item", item.pk)],
        "paper": [links("oparl:paper", item.pk)],
        "web": access,
        **_stamp(item.meeting.content_version),
    })
