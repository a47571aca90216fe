"""A multi-step change that fails half-way leaves nothing behind."""

import pytest

import agendas.services.items
from agendas.models import AgendaItem
from common.models import EditConflict, save_versioned
from meetings.models import Meeting, StandardItem
from tests.factories import make_meeting, make_series

pytestmark = pytest.mark.django_db


def test_a_meeting_whose_standard_items_fail_is_not_created_at_all(monkeypatch):
    series = make_series(standard_items=[("Dagsorden", None, StandardItem.Placement.OPENING),
                                         ("Bordrunde", 5, StandardItem.Placement.CLOSING)])
    real_create = agendas.services.items.agenda_item_create
    calls = []

    def failing_second_item(**kwargs):
        calls.append(kwargs["title"])
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_create(**kwargs)

    monkeypatch.setattr(agendas.services.items, "agenda_item_create", failing_second_item)
    with pytest.raises(RuntimeError):
        agendas.services.items.meeting_create(series=series, date="2023-03-06")
    assert not Meeting.objects.exists()
    assert not AgendaItem.objects.exists()


def test_a_save_based_on_a_stale_version_is_refused_and_changes_nothing(series):
    item = make_meeting(series, items=["Klimaplan"]).items.get()
    mine = AgendaItem.objects.get(pk=item.pk)
    theirs = AgendaItem.objects.get(pk=item.pk)
    save_versioned(theirs, expected_version=theirs.version, fields={"title": "Klimaplan i MSB"})
    with pytest.raises(EditConflict) as conflict:
        save_versioned(mine, expected_version=mine.version, fields={"title": "Min titel"})
    assert "er blevet ændret af en anden" in str(conflict.value)
    item.refresh_from_db()
    assert item.title == "Klimaplan i MSB"
    assert item.version == 2
