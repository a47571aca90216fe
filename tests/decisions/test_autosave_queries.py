"""The autosave request answers every pause in the minute taker's typing: pinned in queries."""

import pytest
from django.urls import reverse

from decisions.models import Decision

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("saves", [2, 12])
def test_an_autosave_costs_the_same_queries_however_long_the_typing(
        secretary_client, minutes_meeting, django_assert_num_queries, saves):
    item = minutes_meeting.items.get(title="Klimaplan i MSB")
    url = reverse("decisions:decision_text", args=[item.pk])
    for seq in range(1, saves + 1):
        secretary_client.post(url, {"text": f"<p>{'ord ' * seq}</p>", "client": "s",
                                    "version": seq - 1, "seq": seq})
    # 1 session, 2 user, 3 the item (+meeting, series), 4 "is the user its secretariat?",
    # 5 the meeting locked (meeting_for_edit), 6 the decision locked, 7 its latest history
    # entry (continued, not added to), 8 the one versioned update's lock, 9 the update,
    # 10 the meeting's content version moved, 11 the history entry updated; and, because a
    # test runs inside a transaction, the service's and the versioned update's savepoints
    # (12-15)
    with django_assert_num_queries(15):
        response = secretary_client.post(url, {"text": "<p>Færdig.</p>", "client": "s",
                                               "version": saves, "seq": saves + 1})
    assert response.json()["state"] == "saved"
    assert Decision.objects.get(item=item).history.count() == 1


@pytest.mark.parametrize("items", [1, 8])
def test_the_minute_takers_screen_costs_the_same_queries_whatever_the_meetings_size(
        secretary_client, series, secretary, member, django_assert_num_queries, items):
    from decisions.services import follow_up_create, point_add
    from meetings.models import Meeting
    from tests.factories import make_attachment, make_item, make_meeting, make_recommendations

    meeting = make_meeting(series, items=["Dagsorden", "Referat"],
                           status=Meeting.Status.MINUTES_DRAFT)
    for n in range(items):
        item = make_item(meeting, title=f"Sag {n}", minutes=10)
        [recommendation] = make_recommendations(item, "at rådmanden godkender sagen")
        make_attachment(item, text=f"Bilag {n}")
        point = point_add(item=item, text="Godkendt.", outcome="godkendt",
                          answers=[recommendation])
        follow_up_create(decision=point.decision, description="FAS følger op.",
                         owner_unit="FAS")
    # 1 session, 2 user, 3 meeting (+series), 4 "is the user its secretariat?", 5 the meeting
    # again (+minute taker), 6 items (+memo template), 7 sub-items, 8 recommendation points,
    # 9 memo sections, 10 attachments, 11 who was away during each item (+member),
    # 12 decisions (+the item they moved to), 13 their points, 14 the points they answer,
    # 15 follow-ups (+owner), 16 the series' people, 17 the previous meeting (the "Referat"
    # item approves its minutes), 18 which of the people are members, 19 attendance,
    # 20 phrases, 21 the next meeting, 22 the lifecycle's steps
    with django_assert_num_queries(22):
        response = secretary_client.get(reverse("decisions:minutes_editor", args=[meeting.pk]))
    assert response.status_code == 200
    assert response.content.decode().count('class="decision-point"') == items
