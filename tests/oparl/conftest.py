import pytest

from meetings.models import Meeting
from tests.factories import (
    make_attachment,
    make_decision,
    make_item,
    make_meeting,
    make_memo_template,
    make_recommendations,
)

CLOSED = "FORTROLIGT-K9"


@pytest.fixture
def published(series):
    """A published meeting: an open item with a memo, a decision, an open and a closed Bilag;
    a closed item with a memo and an open Bilag of its own. Everything closed carries
    CLOSED in its texts."""
    meeting = make_meeting(series, status=Meeting.Status.PUBLISHED, location="Rådhuset, M1")
    template = make_memo_template()
    item = make_item(meeting, title="Klimaplan for Aarhus", memo_template=template,
                     case_number="24/01234", method="beslutning")
    points = make_recommendations(item, "at klimaplanen godkendes")
    make_decision(item, points=[("Godkendt.", "godkendt", points)])
    open_bilag = make_attachment(item, text="Klimaplanens tekst", title="Klimaplan 2030")
    closed_bilag = make_attachment(item, text=f"Lukket bilagstekst {CLOSED}",
                                   title=f"Lukket bilag {CLOSED}", is_closed=True)
    closed_item = make_item(meeting, title=f"Personalesag {CLOSED}", is_closed=True,
                            memo_template=template)
    make_attachment(closed_item, text=f"Bilag til lukket punkt {CLOSED}",
                    title=f"Bilag til lukket punkt {CLOSED}")
    meeting.refresh_from_db()
    return {"meeting": meeting, "item": item, "open_bilag": open_bilag,
            "closed_bilag": closed_bilag, "closed_item": closed_item}


@pytest.fixture
def unpublished(series):
    """A draft and a meeting with approved minutes, neither public, with CLOSED-free titles
    that must not appear either."""
    draft = make_meeting(series, items=["Kladdepunkt UDKAST-3"])
    approved = make_meeting(series, status=Meeting.Status.MINUTES_APPROVED,
                            items=["Godkendt men ikke offentligt IKKEOFF-5"])
    return {"draft": draft, "approved": approved}
