"""A stored document found from what the request names (DocumentIndex): the meeting and its
content version, the kind of document and its options, the variant, the language and the
class of viewer. A request for a document that is stored already costs reading the meeting
and one row; only the first request after a change assembles the meeting to find its key."""

from dataclasses import dataclass

from documents.models import DocumentIndex, RenderedDocument
from meetings.models import Meeting
from meetings.viewer import Viewer
from reading.content import audience

# The documents are written in Danish whatever the reader's language (pdf/render.py).
DOCUMENT_LANGUAGE = "da"


@dataclass(frozen=True)
class Slot:
    meeting: Meeting
    kind: str
    audience: str
    variant: str | None
    options: str = ""
    annotations: bool = False

    def _fields(self) -> dict:
        return {
            "meeting": self.meeting, "content_version": self.meeting.content_version,
            "annotations_version": self.meeting.annotations_version if self.annotations else 0,
            "kind": self.kind, "options": self.options, "variant": self.variant or "",
            "language": DOCUMENT_LANGUAGE, "audience": self.audience,
        }

    def find(self) -> RenderedDocument | None:
        row = DocumentIndex.objects.select_related("document").filter(**self._fields()).first()
        return row.document if row else None

    def remember(self, document: RenderedDocument) -> None:
        DocumentIndex.objects.bulk_create([DocumentIndex(document=document, **self._fields())],
                                          ignore_conflicts=True)


def slot(viewer: Viewer, meeting: Meeting, kind: str, *, public: bool, variant,
         options: str = "", with_annotations: bool = False) -> Slot:
    """Where the document of `kind` is indexed for this viewer: by the class of viewers who
    see the same of the meeting, or by the reader when it holds their own notes."""
    if public:
        who = "public"
    elif with_annotations:
        who = f"user:{viewer.user_id}"
    else:
        who = audience(viewer, meeting.series_id)
    return Slot(meeting=meeting, kind=kind, audience=who, variant=variant, options=options,
                annotations=with_annotations)
