"""Decisions and their points. Each function is one transaction that passes `meeting_for_edit`
first: once the minutes are approved, nothing here changes until the meeting is reopened."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from agendas.models import AgendaItem, RecommendationPoint
from common.autosave import AUTOSAVE_REASON, AutosaveResult, autosave, mark_autosaved
from common.models import EditConflict, save_versioned
from common.richtext import sanitize_html
from decisions.models import Decision, DecisionPoint
from decisions.wording import decision_draft, outcome_for
from meetings.services import meeting_for_edit

_RENUMBER_OFFSET = 1_000


def check_answers(*, item: AgendaItem, answers) -> list[RecommendationPoint]:
    """A decision point answers recommendation points of its own item only ("Ad 2)" means
    point 2 of this item's memo, never another meeting's)."""
    answers = list(answers)
    if any(point.item_id != item.pk for point in answers):
        raise ValidationError(
            _("Et beslutningspunkt kan kun svare på indstillingspunkter fra sit eget punkt "
              "(%(item)s).") % {"item": item}, code="foreign_answer")
    return answers


def decision_create(*, item: AgendaItem, **fields) -> Decision:
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        decision = Decision(item=item, **fields)
        decision.full_clean()
        decision.save()
    return decision


def decision_for(item: AgendaItem) -> Decision:
    """The item's decision, created empty when the minute taker starts on it. Call inside a
    transaction that has passed meeting_for_edit."""
    decision = Decision.objects.select_for_update().filter(item=item).first()
    if decision is None:
        decision = Decision(item=item)
        decision.full_clean()
        decision.save()
    return decision


def decision_get_or_create(*, item: AgendaItem) -> Decision:
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        return decision_for(item)


def decision_update(*, decision: Decision, expected_version: int | None,
                    fields: dict) -> Decision:
    with transaction.atomic():
        meeting_for_edit(decision.item.meeting_id)
        return save_versioned(decision, expected_version=expected_version, fields=fields)


def decision_set_numbering(*, item: AgendaItem, numbering: str,
                           expected_version: int | None) -> Decision:
    """Numbered points ("1) Rådmanden tog orienteringen til efterretning." even alone) or a
    single phrase without a number ("Godkendt."). `expected_version` 0: the page saw no
    decision yet."""
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        decision = decision_for(item)
        return save_versioned(decision, expected_version=expected_version or None,
                              fields={"numbering": numbering})


def decision_delete(*, decision: Decision) -> None:
    with transaction.atomic():
        meeting_for_edit(decision.item.meeting_id)
        decision.delete()


def decision_text_autosave(*, item: AgendaItem, text: str, expected_version: int | None,
                           client: str, seq: int, by=None) -> AutosaveResult:
    """The discussion as the minute taker types it (see common/autosave.py). The item's first
    words create its decision; `expected_version` 0 says the page has seen none."""
    text = sanitize_html(text)
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        decision = Decision.objects.select_for_update().filter(item=item).first()
        if decision is None:
            if expected_version:
                raise EditConflict(Decision(item=item), None)
            decision = Decision(item=item, text=text)
            decision.full_clean()
            if by is not None and by.is_authenticated:
                decision._history_user = by
            decision._change_reason = AUTOSAVE_REASON
            decision.save()
            mark_autosaved(decision, client=client, seq=seq)
            return AutosaveResult(decision, applied=True)
        if expected_version == 0:
            # The page saw no decision; one was made meanwhile (a phrase clicked, another
            # page). Without a discussion in it there is nothing to be in conflict with.
            expected_version = decision.version if not decision.text else -1
        return autosave(decision, field="text", value=text, expected_version=expected_version,
                        client=client, seq=seq, by=by, current=_copy(decision))


def _copy(row):
    """A second instance of a row just read, for autosave's comparison (it changes `row`)."""
    return type(row).from_db(row._state.db, [f.attname for f in row._meta.concrete_fields],
                             [getattr(row, f.attname) for f in row._meta.concrete_fields])


def decision_point_create(*, decision: Decision, answers=(), **fields) -> DecisionPoint:
    with transaction.atomic():
        meeting_for_edit(decision.item.meeting_id)
        answers = check_answers(item=decision.item, answers=answers)
        if "number" not in fields:
            fields["number"] = decision.points.count() + 1
        _check_text(fields.get("text", ""))
        point = DecisionPoint(decision=decision, **fields)
        point.full_clean()
        point.save()
        point.answers.set(answers)
    return point


def _check_text(text: str) -> None:
    if not (text or "").strip():
        raise ValidationError(_("Et beslutningspunkt skal have en tekst. Skriv teksten, eller "
                                "slet punktet."), code="empty_point")


def point_add(*, item: AgendaItem, text: str, outcome: str, answers=()) -> DecisionPoint:
    """A new point after the item's others, its decision created when it has none."""
    with transaction.atomic():
        meeting_for_edit(item.meeting_id)
        return decision_point_create(decision=decision_for(item), text=text.strip(),
                                     outcome=outcome, answers=answers)


def point_from_recommendation(*, recommendation: RecommendationPoint) -> DecisionPoint:
    """The draft of the point that answers `recommendation`, turned from the memo's words into
    the minutes' ("at rådmanden godkender …" → "Rådmanden godkendte …"), for the minute taker
    to edit."""
    text = decision_draft(recommendation.text)
    return point_add(item=recommendation.item, text=text, outcome=outcome_for(text),
                     answers=[recommendation])


def decision_point_update(*, point: DecisionPoint, expected_version: int | None, fields: dict,
                          answers=None) -> DecisionPoint:
    """Change a point's text or outcome and, when `answers` is given, what it answers."""
    with transaction.atomic():
        item = point.decision.item
        meeting_for_edit(item.meeting_id)
        if "text" in fields:
            _check_text(fields["text"])
        if answers is not None:
            answers = check_answers(item=item, answers=answers)
        save_versioned(point, expected_version=expected_version, fields=fields)
        if answers is not None and set(answers) != set(point.answers.all()):
            point.answers.set(answers)
    return point


def point_text_autosave(*, point: DecisionPoint, text: str, expected_version: int | None,
                        client: str, seq: int, by=None) -> AutosaveResult:
    """A point's text as the minute taker types it (see common/autosave.py)."""
    text = text.strip()
    with transaction.atomic():
        meeting_for_edit(point.decision.item.meeting_id)
        _check_text(text)
        return autosave(point, field="text", value=text, expected_version=expected_version,
                        client=client, seq=seq, by=by)


def decision_point_delete(*, point: DecisionPoint) -> None:
    """Remove a point; the ones after it move up a number."""
    with transaction.atomic():
        meeting_for_edit(point.decision.item.meeting_id)
        decision_id = point.decision_id
        point.delete()
        rest = list(DecisionPoint.objects.select_for_update().filter(decision_id=decision_id)
                    .order_by("number"))
        moving = [p for n, p in enumerate(rest, start=1) if p.number != n]
        # Step aside, then land: no moment where two points share a number.
        DecisionPoint.objects.filter(pk__in=[p.pk for p in moving]).update(
            number=F("number") + _RENUMBER_OFFSET)
        for number, moved in enumerate(rest, start=1):
            if moved in moving:
                moved.number = number
                moved.save(update_fields=["number"])
