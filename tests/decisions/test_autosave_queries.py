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
    # 10 the history entry updated; and, because a test runs inside a transaction, the
    # service's and the versioned update's savepoints (11-14)
    with django_assert_num_queries(14):
        response = secretary_client.post(url, {"text": "<p>Færdig.</p>", "client": "s",
                                               "version": saves, "seq": saves + 1})
    assert response.json()["state"] == "saved"
    assert Decision.objects.get(item=item).history.count() == 1
