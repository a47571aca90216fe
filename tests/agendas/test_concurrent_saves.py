"""No lost updates: two secretaries save the same item at the same moment, both from the version
they opened. Exactly one save wins; the other is answered with the conflict, and the stored
item is the winner's whole, never a mix of the two."""

import threading

import pytest
from django.db import connection
from django.test import Client

from agendas.models import AgendaItem
from tests.factories import make_meeting, make_series, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_simultaneous_saves_of_one_version_give_one_save_and_one_conflict():
    first, second = make_user("sekretaer1"), make_user("sekretaer2")
    meeting = make_meeting(make_series(secretariat=[first, second]), items=["Klimaplan"])
    item = meeting.items.get()
    opened = item.version
    start = threading.Barrier(2)
    answers = {}

    def save(user, title, minutes):
        client = Client()
        client.force_login(user)
        start.wait()
        response = client.post(f"/punkter/{item.pk}/rediger/", {
            "title": title, "minutes": minutes, "version": opened, "method": ""},
            HTTP_HX_REQUEST="true")
        answers[title] = response.status_code
        connection.close()

    threads = [threading.Thread(target=save, args=(first, "Klimaplan i MSB", "10")),
               threading.Thread(target=save, args=(second, "Klimaplanen", "20"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(answers.values()) == [200, 409]
    winner = next(title for title, status in answers.items() if status == 200)
    stored = AgendaItem.objects.get(pk=item.pk)
    assert (stored.title, stored.minutes) == ((winner, 10) if winner == "Klimaplan i MSB"
                                              else (winner, 20))
    assert stored.version == opened + 1
