"""The content version of a meeting moves, in the same transaction, with every change a
reader of the meeting can see, whatever the write path: a model's save() and delete() (which
services, the admin, commands and history restores all go through), its queryset's update(),
delete(), bulk_create() and bulk_update(), and many-to-many changes. Notes and comments move
the annotations version instead.

The models are found in django-simple-history's registry, so a model added later is covered
without editing this file: one that readers see must inherit meetings.versions.MeetingPart
(and this test fails with its name until it does), one they never see is listed below.
"""

import pytest
from django.db import transaction
from django.db.models.signals import m2m_changed
from simple_history.models import registered_models

from agendas.models import AgendaItem, Comment, Note, SubItem
from meetings.models import Meeting, MeetingSeries, MemoTemplate, StandardItem
from meetings.versions import MeetingPart
from tests.security.matrix import build_meeting_objects

pytestmark = pytest.mark.django_db

# Historical models whose rows no reader of a meeting sees, and why.
NOT_SEEN = {
    StandardItem: "copied into each new meeting as its own items; readers see the copies",
}


def reader_models() -> list[type]:
    return [model for model in registered_models.values()
            if not model._meta.abstract and model not in NOT_SEEN]


def _covered(model) -> bool:
    if issubclass(model, MeetingPart):
        return True
    # A many-to-many table: covered when it belongs to a MeetingPart and its changes are
    # followed (meetings.versions.m2m_changed_handler).
    owners = [f.model for f in _m2m_fields() if f.remote_field.through is model]
    return bool(owners) and all(issubclass(o, MeetingPart) for o in owners) and \
        m2m_changed.has_listeners(model)


def _m2m_fields():
    from django.apps import apps

    return [f for m in apps.get_models() for f in m._meta.local_many_to_many]


def test_every_historical_model_readers_see_moves_the_content_version():
    uncovered = sorted(model._meta.label for model in reader_models() if not _covered(model))
    assert uncovered == [], (
        "these models are kept with history but do not move the content version of their "
        "meetings: make them meetings.versions.MeetingPart (or list them in NOT_SEEN)")


@pytest.fixture
def objects(series, member):
    from decisions.models import Attendance, ItemAttendance

    built = build_meeting_objects(series, member, status=Meeting.Status.MINUTES_APPROVED)
    return {type(obj): obj for obj in vars(built).values()} | {
        MemoTemplate: built.item.memo_template, MeetingSeries: series,
        Attendance: Attendance.objects.create(meeting=built.meeting, user=member,
                                              status="absent"),
        ItemAttendance: ItemAttendance.objects.create(item=built.item, user=member,
                                                      kind="inhabil")}


def versions(meetings) -> dict:
    return {pk: (content, annotations) for pk, content, annotations in
            Meeting.objects.filter(pk__in=[m.pk for m in meetings])
            .values_list("pk", "content_version", "annotations_version")}


def assert_moves(obj, write):
    """`write` moves the right version of every meeting that shows `obj`, and only that."""
    model = type(obj)
    meetings = list(model.meetings_of([obj.pk]))
    assert meetings, f"{model._meta.label}: no meeting shows it"
    before = versions(meetings)
    with transaction.atomic():
        write()
    after = versions(meetings)
    index = 1 if model.is_annotation else 0
    for pk, old in before.items():
        assert after[pk][index] > old[index], f"{model._meta.label}: {write.__name__}"
        assert after[pk][1 - index] == old[1 - index], f"{model._meta.label}: {write.__name__}"


def _field(model) -> str:
    """A plain field that every model has one of, written back unchanged."""
    names = [f.name for f in model._meta.concrete_fields if not f.primary_key
             and not f.is_relation and f.name not in {"version", "content_version",
                                                      "annotations_version"}]
    return names[0]


@pytest.mark.parametrize("model", sorted(
    (m for m in registered_models.values() if issubclass(m, MeetingPart)),
    key=lambda m: m._meta.label), ids=lambda m: m._meta.label)
def test_each_write_path_moves_the_version(objects, model):
    obj = objects[model]
    field = _field(model)

    def save():
        model.objects.get(pk=obj.pk).save()

    def update():
        model.objects.filter(pk=obj.pk).update(**{field: getattr(obj, field)})

    def bulk_update():
        model.objects.bulk_update([model.objects.get(pk=obj.pk)], [field])

    def history_restore():  # what the admin's history view does to revert
        obj.history.earliest().instance.save()

    for write in (save, update, bulk_update, history_restore):
        assert_moves(obj, write)


@pytest.mark.parametrize("model", [AgendaItem, SubItem, Note, Comment],
                         ids=lambda m: m._meta.label)
def test_deleting_moves_the_version(objects, model):
    obj = objects[model]
    copy = model.objects.get(pk=obj.pk)
    if model is not AgendaItem:  # a second row, for the queryset's delete()
        copy.pk, copy._state.adding = None, True
        if model is SubItem:
            copy.letter, copy.position = "Z", 99
        copy.save()
        assert_moves(copy, lambda: model.objects.filter(pk=copy.pk).delete())
    assert_moves(obj, lambda: model.objects.get(pk=obj.pk).delete())


def test_bulk_create_moves_the_version(objects):
    item = objects[AgendaItem]
    before = versions([item.meeting])
    Note.objects.bulk_create([Note(item=item, author=objects[Note].author, text="Ny")])
    assert versions([item.meeting])[item.meeting_id][1] > before[item.meeting_id][1]
    SubItem.objects.bulk_create([SubItem(item=item, letter="Q", position=50, title="Ny")])
    assert versions([item.meeting])[item.meeting_id][0] > before[item.meeting_id][0]


def test_many_to_many_changes_move_the_version_from_either_side(objects):
    from agendas.models import RecommendationPoint
    from decisions.models import DecisionPoint

    point, recommendation = objects[DecisionPoint], objects[RecommendationPoint]
    assert_moves(point, lambda: point.answers.add(recommendation))
    assert_moves(point, lambda: point.answers.remove(recommendation))
    assert_moves(point, lambda: recommendation.answered_by.add(point))
    assert_moves(point, lambda: recommendation.answered_by.clear())
    assert_moves(point, lambda: point.answers.set([recommendation]))
    assert_moves(point, lambda: point.answers.clear())


def test_moving_an_item_to_another_meeting_moves_both(objects, series):
    from tests.factories import make_meeting

    item = objects[AgendaItem]
    both = [item.meeting, make_meeting(series)]
    before = versions(both)
    item.meeting = both[1]
    item.number = item.position = 90
    item.save()
    after = versions(both)
    assert all(after[pk][0] > before[pk][0] for pk in before)


def test_a_full_save_from_a_stale_copy_never_takes_the_version_back(objects):
    meeting = objects[Meeting]
    stale = Meeting.objects.get(pk=meeting.pk)
    for _ in range(3):
        item = AgendaItem.objects.filter(meeting=meeting).first()
        item.save()
    newest = Meeting.objects.values_list("content_version", flat=True).get(pk=meeting.pk)
    stale.location = "Et andet sted"
    stale.save()
    assert Meeting.objects.values_list("content_version", flat=True).get(pk=meeting.pk) > newest


def test_a_deleted_meeting_restored_from_history_never_reuses_a_version(objects):
    meeting = objects[Meeting]
    Meeting.objects.filter(pk=meeting.pk).update(location="Før sletning")
    seen = Meeting.objects.values_list("content_version", flat=True).get(pk=meeting.pk)
    record = meeting.history.latest()
    AgendaItem.objects.filter(meeting=meeting).delete()
    from documents.models import RenderedDocument

    RenderedDocument.objects.filter(meeting=meeting).delete()
    Meeting.objects.get(pk=meeting.pk).delete()
    record.instance.save()
    assert Meeting.objects.values_list("content_version", flat=True).get(pk=meeting.pk) > seen
