"""Numbers follow the order until the agenda is sent; after that numbers stay and only the order
of treatment changes (Punkt 7 may be treated before Punkt 6 and keep its number)."""

import pytest
from django.core.exceptions import ValidationError

from agendas.models import AgendaItem
from agendas.services import agenda_item_create, agenda_item_delete, agenda_items_reorder
from meetings.models import StandardItem
from meetings.services import meeting_send_agenda
from tests.factories import make_meeting, make_series

pytestmark = pytest.mark.django_db


def agenda(meeting):
    return [(i.number, i.title) for i in meeting.items.order_by("position")]


def seven_items(series):
    return make_meeting(series, items=["Dagsorden", "Referat", "Magistraten", "Udvalget",
                                       "Bordrunde", "Temadrøftelse", "Opfølgning"])


def test_before_sending_numbers_follow_the_new_order(series):
    meeting = seven_items(series)
    items = list(meeting.items.order_by("position"))
    agenda_items_reorder(meeting=meeting, ordered_ids=[i.pk for i in items[:5]]
                         + [items[6].pk, items[5].pk])
    assert agenda(meeting)[5:] == [(6, "Opfølgning"), (7, "Temadrøftelse")]


def test_after_sending_numbers_stay_and_only_the_order_changes(series):
    meeting = seven_items(series)
    meeting_send_agenda(meeting=meeting)
    items = list(meeting.items.order_by("position"))
    agenda_items_reorder(meeting=meeting, ordered_ids=[i.pk for i in items[:5]]
                         + [items[6].pk, items[5].pk])
    assert [n for n, _ in agenda(meeting)] == [1, 2, 3, 4, 5, 7, 6]
    assert agenda(meeting)[5] == (7, "Opfølgning")


def test_reorder_writes_one_history_row_per_moved_item(series):
    meeting = seven_items(series)
    items = list(meeting.items.order_by("position"))
    before = AgendaItem.history.count()
    agenda_items_reorder(meeting=meeting, ordered_ids=[i.pk for i in items[:5]]
                         + [items[6].pk, items[5].pk])
    assert AgendaItem.history.count() == before + 2


def test_a_reorder_that_leaves_out_an_item_is_refused_and_changes_nothing(series):
    meeting = seven_items(series)
    ids = list(meeting.items.order_by("position").values_list("pk", flat=True))
    before = agenda(meeting)
    with pytest.raises(ValidationError) as error:
        agenda_items_reorder(meeting=meeting, ordered_ids=ids[:-1])
    assert "præcis én gang" in error.value.messages[0]
    with pytest.raises(ValidationError):
        agenda_items_reorder(meeting=meeting, ordered_ids=[*ids[:-1], ids[0]])
    assert agenda(meeting) == before


def test_an_item_added_after_sending_gets_the_next_free_number(series):
    meeting = seven_items(series)
    meeting_send_agenda(meeting=meeting)
    agenda_item_delete(item=meeting.items.get(number=3))
    new = agenda_item_create(meeting=meeting, title="Ekstra punkt")
    assert new.number == 8
    assert [n for n, _ in agenda(meeting)] == [1, 2, 4, 5, 6, 7, 8]


def test_deleting_before_sending_closes_the_gap(series):
    meeting = seven_items(series)
    agenda_item_delete(item=meeting.items.get(number=3))
    assert [n for n, _ in agenda(meeting)] == [1, 2, 3, 4, 5, 6]
    assert agenda(meeting)[2] == (3, "Udvalget")


def test_new_meetings_get_the_standard_items_opening_first_and_closing_last():
    series = make_series(standard_items=[
        ("Dagsorden", None, StandardItem.Placement.OPENING),
        ("Bordrunde", 5, StandardItem.Placement.CLOSING),
        ("Referat", None, StandardItem.Placement.OPENING),
    ])
    meeting = make_meeting(series)
    assert agenda(meeting) == [(1, "Dagsorden"), (2, "Referat"), (3, "Bordrunde")]
    agenda_item_create(meeting=meeting, title="Klimaplan i MSB", before_closing=True)
    assert agenda(meeting) == [(1, "Dagsorden"), (2, "Referat"), (3, "Klimaplan i MSB"),
                               (4, "Bordrunde")]
    assert meeting.items.get(title="Bordrunde").minutes == 5


def test_numbers_and_positions_are_unique_per_meeting_with_a_danish_message(series):
    meeting = seven_items(series)
    clash = AgendaItem(meeting=meeting, number=1, position=99, title="Dublet")
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "Mødet har allerede et punkt med dette nummer." in error.value.messages


def test_minutes_must_be_positive(series):
    meeting = seven_items(series)
    item = meeting.items.first()
    item.minutes = 0
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "Tidsforbruget skal være mindst ét minut." in error.value.messages
