"""Every page is sent with the Content-Security-Policy and the other protective headers."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, str]:
    parts = response["Content-Security-Policy"].split(";")
    return dict(part.strip().split(" ", 1) for part in parts if part.strip())


@pytest.mark.parametrize("url", ["/", "/log-ind/", "/moeder/999999/"])
def test_pages_allow_only_our_own_scripts_and_styles(client, url):
    policy = _policy(client.get(url))

    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert not any("unsafe" in value for value in policy.values())


def test_meeting_page_of_the_secretariat_has_the_policy_too(client, secretary, meeting):
    client.force_login(secretary)
    response = client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert _policy(response)["script-src"] == "'self'"


def test_pages_refuse_framing_sniffing_and_cross_site_referrers(client):
    response = client.get(reverse("login"))

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
