"""An item's memo ("Indstilling"): its header, its sections in the order of its template, and
its recommendation points ("Det indstilles, 1) at … 2) at …").

Recommendation points are edited in place: a point keeps its row (and so the decision points
that answer it keep their "Ad 2)") when its text changes or it moves; only a point that is
removed goes, with its answers.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from agendas.models import AgendaItem, MemoSection, RecommendationPoint
from agendas.services.items import MEMO_HEADER_FIELDS, mark_changed
from common.models import EditConflict, lock_version, save_versioned
from meetings.services import meeting_for_edit

_RENUMBER_OFFSET = 1_000


def memo_sections_from_template(*, item: AgendaItem) -> list[MemoSection]:
    """Give the item the sections of its memo template, in the template's order. Sections it
    already has keep their text; sections the template does not have are removed when empty
    and kept after the template's own when they hold text (nothing typed is lost)."""
    template = item.memo_template
    existing = {s.title: s for s in MemoSection.objects.select_for_update().filter(item=item)}
    wanted = list(template.sections) if template else []
    titles = [s["title"] for s in wanted]
    for title, section in list(existing.items()):
        if title not in titles and not section.body.strip():
            section.delete()
            del existing[title]
    kept = [s for t, s in existing.items() if t not in titles]
    order = [(s["title"], s["kind"]) for s in wanted] + [(s.title, s.kind) for s in kept]
    # Step aside, then take places 1, 2, 3 … in the template's order.
    MemoSection.objects.filter(item=item).update(position=F("position") + _RENUMBER_OFFSET)
    created = []
    for position, (title, kind) in enumerate(order, start=1):
        section = existing.get(title)
        if section is None:
            created.append(MemoSection.objects.create(item=item, position=position,
                                                      title=title, kind=kind))
        else:
            section.position = position
            section.save(update_fields=["position"])
    return created


@dataclass(frozen=True)
class PointEdit:
    """One recommendation point as the editor sends it: its row and the version the editor saw
    (None for a new point), and its text. The list's order gives the numbers."""

    id: int | None
    version: int | None
    text: str


def memo_update(*, item: AgendaItem, expected_version: int | None, fields: dict,
                sections: dict[int, tuple[int | None, str]],
                points: list[PointEdit] | None = None,
                known_point_ids: set[int] | None = None) -> AgendaItem:
    """Save the whole memo in one transaction: the header `fields` (MEMO_HEADER_FIELDS, on the
    item's version), each section's body (`sections`: id → (version seen, body)) and, when
    given, the recommendation points. Any stale part is an EditConflict and nothing is saved."""
    unknown = set(fields) - set(MEMO_HEADER_FIELDS)
    if unknown:
        raise ValueError(f"not a memo field: {sorted(unknown)}")
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        # As stored: `item` may carry the form's new template already.
        template_before = AgendaItem.objects.values_list("memo_template_id", flat=True).get(
            pk=item.pk)
        changed = item.version
        save_versioned(item, expected_version=expected_version, fields=fields)
        changed = changed != item.version
        rows = {s.pk: s for s in MemoSection.objects.filter(item=item, pk__in=list(sections))}
        for pk, (version, body) in sections.items():
            if pk not in rows:
                raise EditConflict(MemoSection(item=item, title=_("Et afsnit")))
            before = rows[pk].version
            save_versioned(rows[pk], expected_version=version, fields={"body": body})
            changed |= rows[pk].version != before
        if item.memo_template_id != template_before:
            memo_sections_from_template(item=item)
        if points is not None:
            changed |= _points_update(item, points, known_point_ids or set())
        if changed:
            mark_changed(item)
    return item


def _points_update(item: AgendaItem, points: list[PointEdit], known: set[int]) -> bool:
    """Apply the editor's list of points: rows it names are updated (on their version) and
    renumbered in the list's order, new ones created, and the ones it saw but left out
    deleted. A point someone else added meanwhile (not in `known`) is kept, after the list."""
    stored = {p.pk: p for p in RecommendationPoint.objects.select_for_update().filter(item=item)}
    texts = [p.text.strip() for p in points]
    if any(not text for text in texts):
        raise ValidationError(_("Et indstillingspunkt kan ikke være tomt. Skriv teksten, eller "
                                "fjern punktet."), code="empty_point")
    changed = False
    for point in points:
        if point.id is not None:
            if point.id not in stored:
                raise EditConflict(RecommendationPoint(item=item, number=0, text=point.text))
            lock_version(stored[point.id], point.version)
    for pk in known - {p.id for p in points if p.id is not None}:
        if pk in stored:
            stored.pop(pk).delete()
            changed = True
    order = [stored[p.id] if p.id is not None else None for p in points]
    listed = {p.id for p in points}
    order += sorted((p for pk, p in stored.items() if pk not in listed), key=lambda p: p.number)
    texts += [p.text for p in order[len(points):]]
    targets = list(enumerate(zip(order, texts, strict=True), start=1))
    # Numbers first: the rows that change number step aside, then land (a move is not an edit
    # of a point's text, so its version stays); then the texts, through the versioned update.
    moving = [(number, row) for number, (row, _text) in targets if row and row.number != number]
    RecommendationPoint.objects.filter(pk__in=[row.pk for _n, row in moving]).update(
        number=F("number") + _RENUMBER_OFFSET)
    for number, row in moving:
        row.number = number
    bulk_update_with_history([row for _n, row in moving], RecommendationPoint, ["number"])
    changed |= bool(moving)
    for number, (row, text) in targets:
        if row is None:
            RecommendationPoint.objects.create(item=item, number=number, text=text)
            changed = True
        elif row.text != text:
            save_versioned(row, expected_version=None, fields={"text": text})
            changed = True
    return changed


def recommendation_points_set(*, item: AgendaItem, texts: list[str]) -> list[RecommendationPoint]:
    """Make the item's points read `texts`, numbered 1, 2, 3 …, keyed by number: point 2 keeps
    its row (and the decision points answering it) when its text changes; points beyond the
    list are removed."""
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        stored = {p.number: p for p in RecommendationPoint.objects.select_for_update()
                  .filter(item=item)}
        result = []
        for number, text in enumerate(texts, start=1):
            row = stored.pop(number, None)
            if row is None:
                row = RecommendationPoint(item=item, number=number, text=text)
                row.full_clean()
                row.save()
            else:
                save_versioned(row, expected_version=None, fields={"text": text})
            result.append(row)
        for row in stored.values():
            row.delete()
        if result or stored:
            mark_changed(item)
    return result


def _current_points(item: AgendaItem) -> list[PointEdit]:
    return [PointEdit(p.pk, p.version, p.text) for p in item.recommendations.order_by("number")]


def recommendation_point_add(*, item: AgendaItem, text: str) -> RecommendationPoint:
    """Add a point after the item's others."""
    with transaction.atomic():
        current = _current_points(item)
        memo_update(item=item, expected_version=None, fields={}, sections={},
                    points=[*current, PointEdit(None, None, text)],
                    known_point_ids={p.id for p in current})
        return item.recommendations.order_by("-number").first()


def recommendation_point_update(*, point: RecommendationPoint, expected_version: int | None,
                                text: str) -> RecommendationPoint:
    with transaction.atomic():
        current = _current_points(point.item)
        edited = [PointEdit(p.id, expected_version, text) if p.id == point.pk else p
                  for p in current]
        memo_update(item=point.item, expected_version=None, fields={}, sections={},
                    points=edited, known_point_ids={p.id for p in current})
    point.refresh_from_db()
    return point


def recommendation_point_delete(*, point: RecommendationPoint) -> None:
    """Remove a point; the ones after it move up a number."""
    with transaction.atomic():
        current = _current_points(point.item)
        memo_update(item=point.item, expected_version=None, fields={}, sections={},
                    points=[p for p in current if p.id != point.pk],
                    known_point_ids={p.id for p in current})
