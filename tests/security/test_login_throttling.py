"""Guessing passwords is throttled by django-axes: after five wrong passwords for a user name
the log-in is refused for a while, in Danish, even with the right password."""

import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "kode-1234-test"  # tests/factories.make_user


def _log_in(client, password, username="sekretaer"):
    return client.post(reverse("login"), {"username": username, "password": password})


@pytest.fixture
def user():
    return make_user("sekretaer", first_name="Mads", last_name="Sekretær")


def test_sixth_attempt_is_refused_with_429_and_a_danish_message_even_with_the_right_password(
        client, user, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _log_in(client, "forkert").status_code == 200  # the form again, with its error
    locking = _log_in(client, "forkert")
    refused = _log_in(client, PASSWORD)

    assert locking.status_code == 429
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "For mange forsøg på at logge ind" in page
    assert "Prøv igen om 15 minutter, eller kontakt mødesekretariatet." in page
    assert "_auth_user_id" not in client.session


def test_lockout_page_states_the_configured_wait(client, user, settings):
    settings.AXES_COOLOFF_TIME = 1 / 60  # one minute, in hours
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, "forkert")

    assert "Prøv igen om 1 minut, eller" in _log_in(client, PASSWORD).content.decode()


def test_a_correct_log_in_resets_the_count_of_failures(client, user, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _log_in(client, "forkert")
    assert _log_in(client, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _log_in(client, "forkert").status_code == 200

    assert _log_in(client, PASSWORD).status_code == 302, "still allowed: the count started over"


def test_lockout_of_one_user_name_leaves_another_free(client, user):
    make_user("medlem")
    for _attempt in range(5):
        _log_in(client, "forkert")

    assert _log_in(client, PASSWORD, username="medlem").status_code == 302
