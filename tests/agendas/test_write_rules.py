"""The write side's rules for items, memos and Bilag, as the services enforce them for every
path (pages, admin, commands)."""

import pytest
from django.core.exceptions import ValidationError

from agendas.models import AgendaItem, RecommendationPoint, SubItem
from agendas.services import (
    PointEdit,
    agenda_item_delete,
    agenda_item_duplicate,
    agenda_item_restore,
    agenda_item_update,
    memo_update,
    recommendation_points_set,
    sub_item_create,
    sub_item_delete,
    sub_item_move,
)
from agendas.services.bilag import attachment_delete, attachment_move
from common.models import EditConflict
from decisions.services import check_answers, decision_create, decision_point_create
from meetings.models import Meeting
from meetings.services import meeting_send_agenda
from tests.factories import make_attachment, make_item, make_meeting, make_memo_template

pytestmark = pytest.mark.django_db


def agenda(meeting):
    return [(i.number, i.title) for i in meeting.items.order_by("position")]


def test_editing_a_recommendation_point_keeps_the_decision_point_that_answers_it(meeting):
    item = meeting.items.first()
    first, second = recommendation_points_set(item=item, texts=["at A godkendes",
                                                                "at B godkendes"])
    decision = decision_create(item=item)
    point = decision_point_create(decision=decision, text="Godkendt.", outcome="godkendt",
                                  answers=[second])

    recommendation_points_set(item=item, texts=["at A godkendes", "at B godkendes med ændringer"])

    assert [p.number for p in point.answers.all()] == [2]
    assert point.answers.get().text == "at B godkendes med ændringer"
    assert RecommendationPoint.objects.filter(pk=second.pk).exists()


def test_reordering_recommendation_points_moves_the_answer_with_its_text(meeting):
    item = meeting.items.first()
    first, second = recommendation_points_set(item=item, texts=["at A", "at B"])
    decision = decision_create(item=item)
    point = decision_point_create(decision=decision, text="Godkendt.", outcome="godkendt",
                                  answers=[second])
    memo_update(item=item, expected_version=item.version, fields={}, sections={},
                points=[PointEdit(second.pk, second.version, "at B"),
                        PointEdit(first.pk, first.version, "at A"),
                        PointEdit(None, None, "at C")],
                known_point_ids={first.pk, second.pk})
    assert [(p.number, p.text) for p in item.recommendations.all()] == [
        (1, "at B"), (2, "at A"), (3, "at C")]
    assert [(p.number, p.text) for p in point.answers.all()] == [(1, "at B")]


def test_a_point_added_by_someone_else_meanwhile_is_kept(meeting):
    item = meeting.items.first()
    [first] = recommendation_points_set(item=item, texts=["at A"])
    RecommendationPoint.objects.create(item=item, number=2, text="at B (en kollegas)")
    memo_update(item=item, expected_version=item.version, fields={}, sections={},
                points=[PointEdit(first.pk, first.version, "at A rettet")],
                known_point_ids={first.pk})
    assert [p.text for p in item.recommendations.all()] == ["at A rettet", "at B (en kollegas)"]


def test_a_stale_point_is_a_conflict_and_nothing_is_saved(meeting):
    item = meeting.items.first()
    [first] = recommendation_points_set(item=item, texts=["at A"])
    recommendation_points_set(item=item, texts=["at A (rettet af en anden)"])
    with pytest.raises(EditConflict):
        memo_update(item=item, expected_version=item.version, fields={"memo_title": "Ny"},
                    sections={}, points=[PointEdit(first.pk, first.version, "at A (min)")],
                    known_point_ids={first.pk})
    item.refresh_from_db()
    assert item.memo_title == ""
    assert item.recommendations.get().text == "at A (rettet af en anden)"


def test_a_decision_point_cannot_answer_another_items_points(series, meeting):
    item = meeting.items.first()
    other = make_meeting(series, items=["Andet punkt"]).items.get()
    [foreign] = recommendation_points_set(item=other, texts=["at noget andet godkendes"])
    decision = decision_create(item=item)
    with pytest.raises(ValidationError) as refusal:
        decision_point_create(decision=decision, text="Godkendt.", outcome="godkendt",
                              answers=[foreign])
    assert "kun svare på indstillingspunkter fra sit eget punkt" in refusal.value.messages[0]
    assert not decision.points.exists()
    with pytest.raises(ValidationError):
        check_answers(item=item, answers=[foreign])


def test_deleting_an_item_can_be_undone_with_its_parts(meeting, member):
    from agendas.models import Note

    item = make_item(meeting, title="Klimaplan", memo_template=make_memo_template())
    sub_item_create(item=item, title="Evt. orientering", minutes=5)
    recommendation_points_set(item=item, texts=["at klimaplanen godkendes"])
    make_attachment(item, text="Klimaplan", title="Bilag 1 - Klimaplan")
    Note.objects.create(item=item, author=member, text="Husk budgettet")
    before = agenda(meeting)

    item_id = item.pk
    agenda_item_delete(item=item)
    assert "Klimaplan" not in [title for _n, title in agenda(meeting)]

    restored = agenda_item_restore(meeting=meeting, item_id=item_id)
    assert agenda(meeting) == before
    assert [s.title for s in restored.sub_items.all()] == ["Evt. orientering"]
    assert [p.text for p in restored.recommendations.all()] == ["at klimaplanen godkendes"]
    assert [a.title for a in restored.attachments.all()] == ["Bilag 1 - Klimaplan"]
    assert restored.memo_sections.count() == 3
    assert restored.notes.get().text == "Husk budgettet"
    with pytest.raises(ValidationError):
        agenda_item_restore(meeting=meeting, item_id=item_id)


def test_an_undone_deletion_after_sending_takes_a_new_number_when_its_own_was_reused(meeting):
    meeting_send_agenda(meeting=meeting)
    last = meeting.items.order_by("position").last()
    last_id, last_number = last.pk, last.number
    agenda_item_delete(item=last)
    restored = agenda_item_restore(meeting=meeting, item_id=last_id)
    assert restored.number == last_number


def test_a_duplicate_comes_right_after_its_item_with_its_parts(meeting):
    item = meeting.items.order_by("position").first()
    sub_item_create(item=item, title="A-punkt")
    recommendation_points_set(item=item, texts=["at A"])
    make_attachment(item, text="Bilag")
    copy = agenda_item_duplicate(item=item)
    titles = [t for _n, t in agenda(meeting)]
    assert titles[:2] == ["Dagsorden", "Dagsorden (kopi)"]
    assert [n for n, _t in agenda(meeting)] == [1, 2, 3, 4]
    assert [s.title for s in copy.sub_items.all()] == ["A-punkt"]
    assert copy.recommendations.get().text == "at A"
    assert copy.attachments.get().file.name == item.attachments.get().file.name


def test_sub_items_stay_lettered_without_gaps(meeting):
    item = meeting.items.first()
    a, b, c = (sub_item_create(item=item, title=t) for t in ("Første", "Anden", "Tredje"))
    sub_item_delete(sub=b)
    assert [(s.letter, s.title) for s in item.sub_items.all()] == [("A", "Første"),
                                                                   ("B", "Tredje")]
    sub_item_move(sub=SubItem.objects.get(pk=c.pk), by=-1)
    assert [(s.letter, s.title) for s in item.sub_items.all()] == [("A", "Tredje"),
                                                                   ("B", "Første")]


def test_bilag_stay_numbered_without_gaps(meeting):
    item = meeting.items.first()
    one, two, three = (make_attachment(item, text=t) for t in ("Et", "To", "Tre"))
    attachment_delete(attachment=two)
    # The title of a Bilag added without one is its file name without the extension.
    assert [(a.position, a.title) for a in item.attachments.all()] == [(1, "Et"), (2, "Tre")]
    attachment_move(attachment=item.attachments.get(pk=three.pk), by=-1)
    assert [(a.position, a.title) for a in item.attachments.all()] == [(1, "Tre"), (2, "Et")]


def test_an_item_changed_after_sending_is_marked_and_an_unchanged_one_is_not(meeting):
    meeting_send_agenda(meeting=meeting)
    first, second = list(meeting.items.order_by("position"))[:2]
    agenda_item_update(item=first, expected_version=first.version, fields={"minutes": 5})
    first = AgendaItem.objects.select_related("meeting").get(pk=first.pk)
    second = AgendaItem.objects.select_related("meeting").get(pk=second.pk)
    assert first.changed_since_sent and not second.changed_since_sent


def test_a_save_with_no_change_writes_no_version_and_no_history(meeting):
    item = meeting.items.first()
    before = item.history.count()
    agenda_item_update(item=item, expected_version=item.version, fields={"title": item.title})
    item.refresh_from_db()
    assert item.version == 1 and item.history.count() == before


def test_a_content_save_never_undoes_a_reorder_made_meanwhile(meeting):
    from agendas.services import agenda_items_reorder

    items = list(meeting.items.order_by("position"))
    stale = AgendaItem.objects.get(pk=items[0].pk)  # read before the reorder
    agenda_items_reorder(meeting=meeting, ordered_ids=[i.pk for i in reversed(items)])
    agenda_item_update(item=stale, expected_version=stale.version, fields={"title": "Godkendelse"})
    assert agenda(meeting)[-1] == (3, "Godkendelse")


def test_an_item_with_a_decision_is_not_deleted(meeting):
    item = meeting.items.first()
    decision_create(item=item)
    with pytest.raises(ValidationError) as refusal:
        agenda_item_delete(item=item)
    assert "har en beslutning" in refusal.value.messages[0]
    assert Meeting.objects.get(pk=meeting.pk).items.count() == 3
