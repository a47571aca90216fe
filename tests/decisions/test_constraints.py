import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from decisions.models import Decision, DecisionPoint, FollowUp
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(series):
    return Decision.objects.create(item=make_meeting(series, items=["Klimaplan"]).items.get())


def follow_up(decision, **fields):
    fields.setdefault("description", "FAS følger op.")
    fields.setdefault("opened_on", dt.date(2023, 9, 11))
    return FollowUp(decision=decision, **fields)


def test_a_follow_up_needs_exactly_one_owner(decision, member):
    for owner in ({}, {"owner_unit": "FAS", "owner_user": member}):
        with pytest.raises(ValidationError) as error:
            follow_up(decision, **owner).full_clean()
        assert "En opfølgning skal have én ansvarlig" in str(error.value)
    follow_up(decision, owner_unit="FAS").full_clean()
    follow_up(decision, owner_user=member).full_clean()


def test_a_done_follow_up_needs_its_closing_date_and_an_open_one_must_not_have_one(decision):
    with pytest.raises(ValidationError) as error:
        follow_up(decision, owner_unit="MØB", status=FollowUp.Status.DONE).full_clean()
    assert "skal have en afslutningsdato" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        follow_up(decision, owner_unit="MØB", closed_on=dt.date(2023, 10, 1)).save()


def test_a_follow_up_cannot_close_before_it_opened(decision):
    with pytest.raises(ValidationError) as error:
        follow_up(decision, owner_unit="MØB", status=FollowUp.Status.DONE,
                  closed_on=dt.date(2023, 1, 1)).full_clean()
    assert "Afslutningsdatoen kan ikke ligge før oprettelsen." in str(error.value)


def test_decision_points_are_numbered_once_and_have_a_known_outcome(decision):
    DecisionPoint.objects.create(decision=decision, number=1, text="Godkendt.",
                                 outcome=DecisionPoint.Outcome.GODKENDT)
    duplicate = DecisionPoint(decision=decision, number=1, text="x",
                              outcome=DecisionPoint.Outcome.DROEFTET)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Beslutningen har allerede et punkt med dette nummer." in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionPoint.objects.create(decision=decision, number=2, text="x", outcome="måske")


def test_point_labels_follow_the_form_of_the_minutes(decision):
    item = decision.item
    recs = [item.recommendations.create(number=n, text=f"at {n}") for n in (1, 2, 3)]
    first = DecisionPoint.objects.create(decision=decision, number=1, text="Drøftet.",
                                         outcome=DecisionPoint.Outcome.DROEFTET)
    first.answers.set([recs[0]])
    second = DecisionPoint.objects.create(decision=decision, number=2, text="Aftalt.",
                                          outcome=DecisionPoint.Outcome.DROEFTET)
    second.answers.set(recs[1:])
    assert first.label(answers_form=True) == "Ad 1)"
    assert second.label(answers_form=True) == "Ad 2) og Ad 3)"
    assert second.label(answers_form=False) == "2)"
    lone = Decision.objects.create(item=make_meeting(items=["Dagsorden"]).items.get())
    godkendt = DecisionPoint.objects.create(decision=lone, number=1, text="Godkendt.",
                                            outcome=DecisionPoint.Outcome.GODKENDT)
    assert godkendt.label(answers_form=True) == ""
