"""The search entries of meetings, kept at each meeting's content version.

A meeting's entries are written again whenever its content version has moved since they were
written (`refresh`): the version moves, in the same transaction, with every write a reader of
the meeting could notice (meetings/versions.py), so this one comparison keeps search current
without any write path having to remember it. Search calls `refresh` before it answers; a
write pays nothing, and a meeting edited many times between two searches is indexed once.

Who may see an entry is decided here by the thing's own rule (`visible_q`), for a stand-in
viewer of each class (reading/page.py's `class_viewer` idea): the public, a member of the
entry's series, its secretariat.
"""

import hashlib
import time

from django.db import connection, transaction
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Value, When
from django.db.models.functions import MD5
from django.utils import translation

from agendas.models import AgendaItem, Attachment
from common.richtext import html_to_text
from decisions.models import Decision, FollowUp
from meetings.models import Meeting
from meetings.viewer import ANONYMOUS, Viewer
from search.models import EntryKind, IndexedMeeting, SearchEntry

# Marks ts_headline puts around a hit, and the stand-ins for < > & that keep its parser from
# reading text as tags (search/query.py); none of them is ever stored in an entry's text.
HIT_START, HIT_END = "\ue000", "\ue001"
STAND_INS = {"<": "\ue002", ">": "\ue003", "&": "\ue004"}
_RESERVED = str.maketrans(dict.fromkeys((HIT_START, HIT_END, *STAND_INS.values(), "\x00"), " "))
BATCH = 200
# A Bilag's text beyond this is not searched (a 400-page report is found by its first part).
MAX_ATTACHMENT_TEXT = 200_000
_LOCK = 7_361_001  # pg_advisory_xact_lock key: one refresh at a time


def _clean(text: str | None) -> str:
    return (text or "").translate(_RESERVED).strip()


def _rich(value: str | None) -> str:
    return _clean(html_to_text(value))


def _lines(*parts) -> str:
    return "\n".join(p for p in (_clean(part) for part in parts) if p)


def _flags(rule) -> dict:
    """Whether each class of viewers may see the row, by `rule(viewer)` (a model's visible_q).
    A member (secretariat) of every series in the batch stands for "a member (the
    secretariat) of the row's own series": the rules read only the row's own series."""
    def flag(q):
        return Case(When(q, then=Value(True)), default=Value(False), output_field=BooleanField())

    def build(series_ids):
        ids = tuple(series_ids)
        return {
            "search_public": flag(rule(ANONYMOUS)),
            "search_member": flag(rule(Viewer(user_id=0, member=ids))),
            "search_secretariat": flag(rule(Viewer(user_id=0, secretariat=ids))),
        }
    return build


def _entry(kind, obj, meeting, *, title, number=None, b="", c="", d="") -> SearchEntry:
    title = _clean(title)[:400]
    return SearchEntry(
        kind=kind, object_id=obj.pk, meeting_id=meeting.pk, series_id=meeting.series_id,
        date=meeting.date, item_number=number, title=title, title_folded=title.lower(),
        text_b=b, text_c=c, text_d=d, public=obj.search_public, member=obj.search_member,
        secretariat=obj.search_secretariat)


def entries_for(meeting_ids: list[int]) -> list[SearchEntry]:
    """The entries of these meetings as they read now (in Danish, whoever asked)."""
    with translation.override("da"):
        return _entries(meeting_ids)


def _entries(meeting_ids: list[int]) -> list[SearchEntry]:
    meetings = Meeting.objects.filter(pk__in=meeting_ids)
    series = set(meetings.values_list("series_id", flat=True))
    by_id = {m.pk: m for m in meetings.select_related("series").annotate(
        **_flags(lambda v: Meeting.objects.visible_q(v))(series))}
    entries = [_entry(EntryKind.MEETING, m, m, title=f"{m.display_title} {m.date:%d-%m-%Y}",
                      c=_lines(m.series.name, m.location, m.information, m.guests))
               for m in by_id.values()]

    items = (AgendaItem.objects.filter(meeting__in=meeting_ids)
             .annotate(**_flags(lambda v: AgendaItem.objects.visible_q(v))(series))
             .prefetch_related("sub_items", "memo_sections", "recommendations"))
    for item in items:
        # The sections' headings are the template's, not the item's: their texts alone.
        memo = [_rich(s.body) for s in item.memo_sections.all()]
        subs = [_lines(f"{s.letter}) {s.title}", _rich(s.text)) for s in item.sub_items.all()]
        title = item.title if item.memo_heading == item.title else f"{item.title} · " \
            f"{item.memo_heading}"
        entries.append(_entry(
            EntryKind.ITEM, item, by_id[item.meeting_id], title=title, number=item.number,
            b=_lines(*(f"{p.number}) {p.text}" for p in item.recommendations.all())),
            c=_lines(_rich(item.text), *subs, *memo, item.case_number, item.responsible)))

    decisions = (Decision.objects.filter(item__meeting__in=meeting_ids).select_related("item")
                 .annotate(**_flags(lambda v: Decision.objects.visible_q(v))(series))
                 .prefetch_related("points"))
    for decision in decisions:
        item = decision.item
        entries.append(_entry(
            EntryKind.DECISION, decision, by_id[item.meeting_id], title=item.title,
            number=item.number,
            b=_lines(*(f"{p.number}) {p.text}" for p in decision.points.all()),
                     _rich(decision.text))))

    follow_ups = (FollowUp.objects.filter(decision__item__meeting__in=meeting_ids)
                  .select_related("decision__item")
                  .annotate(**_flags(lambda v: FollowUp.objects.visible_q(v))(series)))
    for follow_up in follow_ups:
        item = follow_up.decision.item
        entries.append(_entry(
            EntryKind.FOLLOW_UP, follow_up, by_id[item.meeting_id], title=item.title,
            number=item.number, b=_lines(follow_up.description, follow_up.owner_unit)))

    attachments = (Attachment.objects.filter(item__meeting__in=meeting_ids)
                   .select_related("item").defer("item__text")
                   .annotate(**_flags(lambda v: Attachment.objects.visible_q(v))(series)))
    for attachment in attachments:
        item = attachment.item
        entries.append(_entry(
            EntryKind.ATTACHMENT, attachment, by_id[item.meeting_id], title=attachment.title,
            number=item.number, d=_clean(attachment.text[:MAX_ATTACHMENT_TEXT])))
    return entries


VECTOR_SQL = """
UPDATE search_searchentry SET vector =
    setweight(to_tsvector('danish'::regconfig, title), 'A')
    || setweight(to_tsvector('danish'::regconfig, text_b), 'B')
    || setweight(to_tsvector('danish'::regconfig, text_c), 'C')
    || setweight(to_tsvector('danish'::regconfig, text_d), 'D')
WHERE meeting_id = ANY(%s) AND vector IS NULL
"""


def refresh(*, log=None, budget: float | None = None) -> list[int]:
    """Bring every meeting's entries up to its content version, a batch of meetings per
    transaction (what is written stays written). With a `budget` (seconds), stop once it is
    spent. Returns the meetings still behind: search leaves their entries out, so it never
    answers from an entry older than its meeting. One query when nothing changed."""
    stale = _stale()
    started = time.monotonic()
    done = 0
    while done < len(stale):
        if budget is not None and time.monotonic() - started > budget:
            break
        ids = [pk for pk, _ in stale[done:done + BATCH]]
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
            batch = _stale(ids)  # another refresh may have written some meanwhile
            if batch:
                _write(batch)
        done += len(ids)
        if log:
            log(f"search: {done} of {len(stale)} meetings indexed")
    return [pk for pk, _ in stale[done:]]


def _stale(ids=None) -> list[tuple[int, int]]:
    """One query: (meeting, content version) of the meetings (of `ids`, or all) whose
    entries are missing or were written at another version."""
    written = IndexedMeeting.objects.filter(meeting_id=OuterRef("pk"),
                                            content_version=OuterRef("content_version"))
    meetings = Meeting._base_manager.filter(~Exists(written)).order_by("-date", "pk")
    if ids is not None:
        meetings = meetings.filter(pk__in=ids)
    return list(meetings.values_list("pk", "content_version"))


# What an entry of an unchanged Bilag may still need to change.
_KEPT_FIELDS = ["meeting", "series", "date", "item_number", "public", "member", "secretariat"]


def _write(batch: list[tuple[int, int]]) -> None:
    ids = [pk for pk, _ in batch]
    entries = entries_for(ids)
    # A Bilag's text is read into its vector again only when it changed: the meeting's other
    # edits (autosaves while the minutes are taken) leave its Bilag's vectors as they are.
    stored = {object_id: (pk, title, text) for object_id, pk, title, text in
              SearchEntry.objects.filter(kind=EntryKind.ATTACHMENT, meeting_id__in=ids)
              .annotate(title_md5=MD5("title"), text_md5=MD5("text_d"))
              .values_list("object_id", "pk", "title_md5", "text_md5")}
    kept, fresh = [], []
    for entry in entries:
        old = stored.get(entry.object_id) if entry.kind == EntryKind.ATTACHMENT else None
        if old and old[1:] == (_md5(entry.title), _md5(entry.text_d)):
            entry.pk = old[0]
            kept.append(entry)
        else:
            fresh.append(entry)
    keep = [entry.pk for entry in kept]
    SearchEntry.objects.filter(meeting_id__in=ids).exclude(pk__in=keep).delete()
    # A row that moved here from a meeting not yet rewritten: its old entry goes now.
    for kind in EntryKind.values:
        SearchEntry.objects.filter(kind=kind, object_id__in=[
            e.object_id for e in fresh if e.kind == kind]).delete()
    SearchEntry.objects.bulk_update(kept, _KEPT_FIELDS, batch_size=1000)
    SearchEntry.objects.bulk_create(fresh, batch_size=1000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(VECTOR_SQL, [ids])
    IndexedMeeting.objects.filter(meeting_id__in=ids).delete()
    IndexedMeeting.objects.bulk_create(
        [IndexedMeeting(meeting_id=pk, content_version=version) for pk, version in batch])


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def visible_q(viewer) -> Q:
    """The entries `viewer` (a resolved viewer) may see: what the public may, what a member
    of the entry's series may in the series they belong to, what the secretariat may in
    theirs; and the follow-ups asked of them from other series (FollowUp's own rule, which
    names its owner)."""
    if viewer.is_superuser:
        return Q()
    q = Q(public=True)
    if viewer.is_authenticated:
        if viewer.member:
            q |= Q(member=True, series_id__in=viewer.member)
        if viewer.secretariat:
            q |= Q(secretariat=True, series_id__in=viewer.secretariat)
        owned = FollowUp.objects.visible_to(viewer).filter(owner_user_id=viewer.user_id)
        q |= Q(kind=EntryKind.FOLLOW_UP, object_id__in=owned.values("pk"))
    return q
