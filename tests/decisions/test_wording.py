"""Drafts turned from the memo's words into the minutes', and follow-ups read from the text."""

import pytest

from decisions.models import Outcome
from decisions.wording import decision_draft, follow_up_suggestions, outcome_for


@pytest.mark.parametrize(("recommendation", "draft"), [
    ("at rådmanden godkender disponering af de afsatte 8 mio. kr.",
     "Rådmanden godkendte disponering af de afsatte 8 mio. kr."),
    ("at Rådmanden godkender og fremsender klimaplanen for MSB",
     "Rådmanden godkendte og fremsendte klimaplanen for MSB."),
    ("at rådmanden godkender at klimaplanen sendes frem",
     "Rådmanden godkendte at klimaplanen sendes frem."),
    ("at rådmanden tager orienteringen om resultaterne fra senioranalyse 2023 til efterretning",
     "Rådmanden tog orienteringen om resultaterne fra senioranalyse 2023 til efterretning."),
    ("at rådmandskredsen drøfter nye tiltag for rekruttering",
     "Rådmandskredsen drøftede nye tiltag for rekruttering."),
    # 6 March 2023, item 6: the decision's own first words.
    ("at den aktuelle status på rekrutterings- og fastholdelsestiltag drøftes",
     "Den aktuelle status på rekrutterings- og fastholdelsestiltag blev drøftet."),
    ("1) at sagen tages til efterretning;", "Sagen blev taget til efterretning."),
])
def test_a_recommendation_point_becomes_the_decision_point_that_answers_it(recommendation,
                                                                          draft):
    assert decision_draft(recommendation) == draft


@pytest.mark.parametrize(("text", "outcome"), [
    ("Rådmanden godkendte disponeringen.", Outcome.GODKENDT),
    ("Rådmanden tog orienteringen til efterretning.", Outcome.TAGET_TIL_EFTERRETNING),
    ("Materialet blev drøftet.", Outcome.DROEFTET),
    ("Intet til referat.", Outcome.TAGET_TIL_EFTERRETNING),
    ("Punktet blev ikke behandlet denne gang.", Outcome.IKKE_BEHANDLET),
])
def test_the_outcome_follows_the_words(text, outcome):
    assert outcome_for(text) == outcome


def test_who_follows_up_is_read_from_the_decision_text():
    text = (
        "Rådmanden efterspurgte også en Q&A med de mest stillede spørgsmål. FAS følger op.\n"
        "Samtidig blev der efterspurgt, om der kan opstilles konkrete delmål (med respekt for "
        "de cent? Projektlederen hos MØB følger op.\n"
        "Det aftales, at Organisation og Ledelse følger op på ovenstående og melder tilbage til "
        "rådmandskredsen. Organisation og Ledelse følger op.\n"
        "Direktør Erik Kaastrup-Hansen følger op i forhold til at sikre det nye udvalgsmedlem "
        "en god introduktion.")
    suggestions = follow_up_suggestions(text)
    assert [s.owner for s in suggestions] == [
        "FAS", "Projektlederen hos MØB", "Organisation og Ledelse",
        "Direktør Erik Kaastrup-Hansen"]
    assert suggestions[0].description == (
        "Rådmanden efterspurgte også en Q&A med de mest stillede spørgsmål. FAS følger op.")
    assert suggestions[2].description.startswith("Det aftales, at Organisation og Ledelse")


def test_a_text_without_follow_ups_suggests_none():
    assert follow_up_suggestions("Rådmanden tog orienteringen til efterretning.") == []
    assert follow_up_suggestions("det er vigtigt at nogen følger op på det her og det der "
                                 "og meget andet.") == []
