"""Autosave: the text the minute taker types is saved as it is typed, one history entry per
stretch of typing, a late save never overwrites a newer one, and someone else's change is a
conflict, not an overwrite."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from common.autosave import AUTOSAVE_REASON, COALESCE_WINDOW
from common.models import EditConflict
from decisions.models import Decision
from decisions.services import decision_text_autosave, point_add, point_text_autosave
from meetings.models import Meeting
from tests.factories import make_meeting, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(series):
    meeting = make_meeting(series, items=["Klimaplan"], status=Meeting.Status.MINUTES_DRAFT)
    return meeting.items.get()


def type_text(item, text, *, version, seq, client="side-1", by=None):
    return decision_text_autosave(item=item, text=text, expected_version=version,
                                  client=client, seq=seq, by=by)


def test_the_first_words_create_the_decision_and_later_ones_update_it(item, secretary):
    first = type_text(item, "<p>Økonomichef</p>", version=0, seq=1, by=secretary)
    assert first.applied and first.instance.version == 1
    later = type_text(item, "<p>Økonomichef Michael Justesen</p>", version=1, seq=2,
                      by=secretary)
    assert later.applied and later.instance.version == 2
    assert Decision.objects.get(item=item).text == "<p>Økonomichef Michael Justesen</p>"


def test_consecutive_autosaves_by_one_person_make_one_history_entry(item, secretary):
    version = 0
    for seq, text in enumerate(["<p>Ø</p>", "<p>Økonomi</p>", "<p>Økonomichef gav</p>",
                                "<p>Økonomichef gav en orientering.</p>"], start=1):
        version = type_text(item, text, version=version, seq=seq, by=secretary).instance.version
    decision = Decision.objects.get(item=item)
    entries = list(decision.history.all())
    assert len(entries) == 1
    assert entries[0].text == "<p>Økonomichef gav en orientering.</p>"
    assert entries[0].history_user == secretary
    assert entries[0].history_change_reason == AUTOSAVE_REASON


def test_another_person_or_a_pause_starts_a_new_history_entry(item, secretary):
    colleague = make_user("kollega")
    item.meeting.series.secretariat.add(colleague)
    v = type_text(item, "<p>En</p>", version=0, seq=1, by=secretary).instance.version
    v = type_text(item, "<p>En to</p>", version=v, seq=2, by=secretary).instance.version
    v = type_text(item, "<p>En to tre</p>", version=v, seq=1, client="side-2",
                  by=colleague).instance.version
    decision = Decision.objects.get(item=item)
    assert [h.history_user for h in decision.history.order_by("history_id")] == [
        secretary, colleague]
    # Longer ago than the window: the next save is an entry of its own.
    decision.history.update(history_date=decision.history.first().history_date
                            - COALESCE_WINDOW - dt.timedelta(seconds=1))
    type_text(item, "<p>En to tre fire</p>", version=v, seq=2, client="side-2", by=colleague)
    assert decision.history.count() == 3


def test_a_save_that_arrives_after_a_newer_one_is_ignored(item, secretary):
    type_text(item, "<p>Første</p>", version=0, seq=1, by=secretary)
    newer = type_text(item, "<p>Første og anden</p>", version=1, seq=3, by=secretary)
    late = type_text(item, "<p>Første og</p>", version=1, seq=2, by=secretary)
    assert newer.applied and not late.applied
    assert Decision.objects.get(item=item).text == "<p>Første og anden</p>"


def test_a_page_that_saves_again_before_it_heard_back_is_not_in_conflict_with_itself(item):
    type_text(item, "<p>Et</p>", version=0, seq=1)
    # The page sent its second save before the answer to the first reached it.
    second = type_text(item, "<p>Et ord</p>", version=0, seq=2)
    third = type_text(item, "<p>Et ord mere</p>", version=1, seq=3)
    assert second.applied and third.applied
    assert Decision.objects.get(item=item).text == "<p>Et ord mere</p>"


def test_someone_elses_newer_text_is_a_conflict_not_an_overwrite(item):
    type_text(item, "<p>Min tekst</p>", version=0, seq=1, client="side-1")
    type_text(item, "<p>Deres tekst</p>", version=1, seq=1, client="side-2")
    with pytest.raises(EditConflict) as conflict:
        type_text(item, "<p>Min tekst, rettet</p>", version=1, seq=2, client="side-1")
    assert conflict.value.current.text == "<p>Deres tekst</p>"
    assert Decision.objects.get(item=item).text == "<p>Deres tekst</p>"


def test_a_phrase_clicked_before_the_first_words_is_no_conflict(item):
    point_add(item=item, text="Godkendt.", outcome="godkendt")
    saved = type_text(item, "<p>Kort drøftelse.</p>", version=0, seq=1)
    assert saved.applied
    assert Decision.objects.get(item=item).text == "<p>Kort drøftelse.</p>"


def test_the_text_is_sanitised_before_it_is_stored(item):
    type_text(item, '<p onclick="x()">Hej<script>alert(1)</script></p>', version=0, seq=1)
    assert Decision.objects.get(item=item).text == "<p>Hej</p>"


def test_approved_minutes_refuse_autosaves(item):
    type_text(item, "<p>Tekst</p>", version=0, seq=1)
    Meeting.objects.filter(pk=item.meeting_id).update(status=Meeting.Status.MINUTES_APPROVED)
    with pytest.raises(ValidationError) as refusal:
        type_text(item, "<p>Tekst efter godkendelse</p>", version=1, seq=2)
    assert "Genåbn mødet" in refusal.value.messages[0]
    assert Decision.objects.get(item=item).text == "<p>Tekst</p>"


def test_a_point_text_is_autosaved_and_an_empty_one_refused(item, secretary):
    point = point_add(item=item, text="Godkendt", outcome="godkendt")
    saved = point_text_autosave(point=point, text="Godkendt.", expected_version=1,
                                client="side-1", seq=1, by=secretary)
    assert saved.applied and saved.instance.version == 2
    with pytest.raises(ValidationError) as refusal:
        point_text_autosave(point=point, text="  ", expected_version=2, client="side-1", seq=2)
    assert "skal have en tekst" in refusal.value.messages[0]
