"""A POST without the CSRF token is refused with 403, also when htmx sends it."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def strict_client(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    return client


def _is_logged_in(client) -> bool:
    return "Logget ind som" in client.get(reverse("meetings:list")).content.decode()


def test_htmx_log_out_without_the_csrf_token_is_refused_in_danish(strict_client):
    response = strict_client.post(reverse("logout"), **HTMX)

    assert response.status_code == 403
    assert "Genindlæs siden, og prøv igen." in response.content.decode()
    assert _is_logged_in(strict_client)


def test_htmx_language_switch_without_the_csrf_token_is_refused(strict_client):
    response = strict_client.post(reverse("set_language"), {"language": "en"}, **HTMX)

    assert response.status_code == 403
    assert "django_language" not in response.cookies


def test_htmx_post_with_the_token_the_page_gives_htmx_is_accepted(strict_client):
    page = strict_client.get(reverse("meetings:list")).content.decode()
    hx_headers = re.search(r"<body data-hx-headers='([^']*)'", page).group(1)
    token = json.loads(hx_headers)["X-CSRFToken"]

    response = strict_client.post(reverse("logout"), HTTP_X_CSRFTOKEN=token, **HTMX)

    assert response.status_code == 302
    assert not _is_logged_in(strict_client)


def test_log_in_without_the_csrf_token_is_refused(member):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": "medlem",
                                              "password": "kode-1234-test"})

    assert response.status_code == 403
