"""Restore a decision as it stood at an earlier moment of its history: its text, its form and
its points (text, outcome, number), through the same steps as an edit (`meeting_for_edit`,
`save_versioned`), so approved minutes stay locked and the restore is a version of its own.
Points added since are removed; points removed since come back as new rows. What a point
answers is left as it is now (a recommendation point may be gone since)."""

from django.db import transaction
from django.db.models import F

from common.history_rows import newest_rows
from common.models import save_versioned
from decisions.models import Decision, DecisionPoint
from meetings.services import meeting_for_edit

_RENUMBER_OFFSET = 1_000


def _as_of(model, moment, **filters):
    return newest_rows(model.history.filter(history_date__lte=moment, **filters))


def decision_version_restore(*, decision: Decision, moment) -> Decision:
    with transaction.atomic():
        meeting_for_edit(decision.item.meeting_id)
        [old] = _as_of(Decision, moment, id=decision.pk) or [None]
        if old is None:
            return decision
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        save_versioned(decision, expected_version=None,
                       fields={"text": old.text, "numbering": old.numbering})
        old_points = sorted(_as_of(DecisionPoint, moment, decision_id=decision.pk),
                            key=lambda p: p.number)
        current = {p.pk: p for p in DecisionPoint.objects.select_for_update()
                   .filter(decision=decision)}
        keep = {p.id for p in old_points}
        for pk in set(current) - keep:
            current.pop(pk).delete()
        # Step aside, then land on the old numbers: no moment where two points share one.
        wanted = {p.id: p.number for p in old_points}
        moving = [p for pk, p in current.items() if p.number != wanted[pk]]
        DecisionPoint.objects.filter(pk__in=[p.pk for p in moving]).update(
            number=F("number") + _RENUMBER_OFFSET)
        for point in moving:
            point.number += _RENUMBER_OFFSET
        for old_point in old_points:
            fields = {"number": old_point.number, "text": old_point.text,
                      "outcome": old_point.outcome}
            point = current.get(old_point.id)
            if point is None:
                DecisionPoint.objects.create(decision=decision, **fields)
            else:
                save_versioned(point, expected_version=None, fields=fields)
    return decision
