"""A stored document found from what the request names (DocumentIndex): the meeting and its
content version, the kind of document and its options, the variant, the reader's language
and class of viewer. A request for a document that is stored already costs two cheap queries
(the meeting's current version through its rule, and one index row), both compiled once;
only the first request after a change assembles the meeting to find its key."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation

from agendas.models import AgendaItem
from common.precompiled import Precompiled
from documents.models import DocumentIndex, RenderedDocument
from meetings.viewer import Viewer
from reading.content import audience


@dataclass(frozen=True)
class Slot:
    meeting_id: int
    content_version: int
    annotations_version: int  # 0 unless the document shows the reader's notes
    kind: str
    options: str
    variant: str
    language: str
    audience: str

    def find(self) -> "Stored | None":
        rows = _read_stored(self.meeting_id, self.content_version, self.annotations_version,
                            self.kind, self.options, self.variant, self.language, self.audience)
        return Stored(*rows[0]) if rows else None

    def remember(self, document: RenderedDocument, filename: str) -> None:
        DocumentIndex.objects.bulk_create([DocumentIndex(
            meeting_id=self.meeting_id, content_version=self.content_version,
            annotations_version=self.annotations_version, kind=self.kind, options=self.options,
            variant=self.variant, language=self.language, audience=self.audience,
            document=document, filename=filename)], ignore_conflicts=True)


@dataclass(frozen=True)
class Stored:
    """What sending a stored document takes."""

    key: str
    file: str
    size: int
    filename: str


def _stored(meeting_id, content_version, annotations_version, kind, options, variant,
            language, who):
    return DocumentIndex.objects.filter(
        meeting_id=meeting_id, content_version=content_version,
        annotations_version=annotations_version, kind=kind, options=options, variant=variant,
        language=language, audience=who,
    ).values_list("document__key", "document__file", "document__size", "filename")[:1]


_read_stored = Precompiled(_stored)


def slot(viewer: Viewer, current: tuple[int, int, int], meeting_id: int, kind: str, *,
         public: bool, variant, options: str = "", with_annotations: bool = False) -> Slot:
    """Where the document of `kind` is indexed for this viewer, by the meeting's `current`
    series and versions (meetings.versions.current_versions): by the class of viewers who
    see the same of the meeting, or by the reader when it holds their own notes."""
    series_id, content_version, annotations_version = current
    if public:
        who = "public"
    elif with_annotations:
        who = f"user:{viewer.user_id}"
    else:
        who = audience(viewer, series_id)
    return Slot(meeting_id=meeting_id, content_version=content_version,
                annotations_version=annotations_version if with_annotations else 0,
                kind=kind, options=options, variant=variant or "",
                language=translation.get_language() or "", audience=who)


def _memo_meeting(item_id, secretariat, member, *, variant):
    is_superuser, authenticated = variant
    viewer = Viewer(user_id=0 if authenticated else None, is_superuser=is_superuser,
                    secretariat=secretariat, member=member)
    return AgendaItem.objects.visible_to(viewer).filter(
        Q(memo_template__isnull=False), pk=item_id,
    ).values_list("meeting_id", "meeting__series_id", "meeting__content_version",
                  "meeting__annotations_version")


_read_memo_meeting = Precompiled(_memo_meeting)


def memo_current(item_id: int, viewer: Viewer) -> tuple[int, tuple[int, int, int]] | None:
    """(meeting, its current series and versions) of the item's memo, when `viewer` may read
    the item, through the item's visibility rule."""
    rows = _read_memo_meeting(item_id, tuple(viewer.secretariat), tuple(viewer.member),
                              variant=(viewer.is_superuser, viewer.is_authenticated))
    if not rows:
        return None
    meeting_id, *current = rows[0]
    return meeting_id, tuple(current)
