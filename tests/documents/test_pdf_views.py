"""Every PDF URL answers exactly as the meeting page does: the same people, the same 404 for
"not yours" and "does not exist", the public version for anyone not logged in."""

from urllib.parse import unquote

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from common.richtext import text_to_html
from documents import services
from meetings.models import Meeting, MemoTemplate
from reading.content import minutes_available
from tests.documents.builders import TEMPLATE_A, decide
from tests.documents.pdftext import pdf_text
from tests.factories import make_item, make_meeting, make_series, make_user

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore:No directory at:UserWarning")]

SECRET = "Fortrolig omplacering af afdelingschefen"
STATUSES = {
    "draft": Meeting.Status.DRAFT,
    "sent": Meeting.Status.AGENDA_SENT,
    "minutes_draft": Meeting.Status.MINUTES_DRAFT,
    "approved": Meeting.Status.MINUTES_APPROVED,
    "published": Meeting.Status.PUBLISHED,
}


@pytest.fixture(scope="module")
def cast(module_db):
    secretary = make_user("v-sekretaer")
    member = make_user("v-medlem")
    outsider = make_user("v-udenfor")
    make_series(name="En anden serie", members=[outsider])
    series = make_series(name="Rådmandsmøder 2022-2025", secretariat=[secretary],
                         members=[member])
    template = MemoTemplate.objects.create(name="Skabelon A", layout="A", sections=TEMPLATE_A)
    meetings, memos, closed = {}, {}, {}
    for name, status in STATUSES.items():
        meeting = make_meeting(series, status=status, location="Rådhuset")
        opening = make_item(meeting, title="Dagsorden")
        memos[name] = make_item(meeting, title="Klimaplan i MSB", memo_template=template)
        closed[name] = make_item(meeting, title="Personalesag", is_closed=True,
                                 memo_template=template, text=text_to_html(SECRET))
        decide(opening, [("Godkendt.", "godkendt", [])])
        decide(closed[name], [(SECRET + " blev drøftet.", "droeftet", [])])
        meetings[name] = meeting
    warm_cache(meetings, memos, secretary)
    return {"users": {"secretary": secretary, "member": member, "outsider": outsider,
                      "anonymous": AnonymousUser()},
            "meetings": meetings, "memos": memos, "closed": closed}


def warm_cache(meetings, memos, secretary):
    """Render every document once for the module: each test runs in a transaction of its own,
    which would otherwise roll its stored documents back and render them again."""
    for name, meeting in meetings.items():
        views = [(secretary, False)] + ([(AnonymousUser(), True)] if meeting.is_public else [])
        for user, public in views:
            services.agenda_pdf(meeting=meeting, user=user, public=public)
            services.memo_pdf(item=memos[name], user=user, public=public)
            services.pack_pdf(services.pack_plan(meeting=meeting, user=user, public=public))
            if minutes_available(meeting, user, public=public):
                services.minutes_pdf(meeting=meeting, user=user, public=public)


def filename(response) -> str:
    """The file name a browser saves the response as (RFC 6266, UTF-8 form)."""
    disposition = response["Content-Disposition"]
    return unquote(disposition.split("filename*=utf-8''", 1)[1])


def client_for(cast, who) -> Client:
    client = Client()
    user = cast["users"][who]
    if user.is_authenticated:
        client.force_login(user)
    return client


def url(cast, kind, status):
    meeting = cast["meetings"][status]
    if kind == "memo":
        return f"/punkter/{cast['memos'][status].pk}/indstilling.pdf"
    name = {"agenda": "dagsorden", "minutes": "referat", "pack": "samlet"}[kind]
    return f"/moeder/{meeting.pk}/{name}.pdf"


AGENDA_LIKE = {
    # meeting status: (secretary, member, outsider, anonymous)
    "draft": (200, 404, 404, 404),
    "sent": (200, 200, 404, 404),
    "published": (200, 200, 200, 200),
}
MINUTES = {
    "sent": (404, 404, 404, 404),
    "minutes_draft": (200, 404, 404, 404),
    "approved": (200, 200, 404, 404),
    "published": (200, 200, 200, 200),
}
WHO = ("secretary", "member", "outsider", "anonymous")
MATRIX = [(kind, status, who, codes[i])
          for kind in ("agenda", "memo", "pack") for status, codes in AGENDA_LIKE.items()
          for i, who in enumerate(WHO)]
MATRIX += [("minutes", status, who, codes[i]) for status, codes in MINUTES.items()
           for i, who in enumerate(WHO)]


@pytest.mark.parametrize("kind,status,who,expected", MATRIX)
def test_permission_matrix(cast, kind, status, who, expected):
    response = client_for(cast, who).get(url(cast, kind, status))
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_unknown_ids_are_the_same_404(cast):
    client = client_for(cast, "secretary")
    for path in ("/moeder/999999/dagsorden.pdf", "/moeder/999999/referat.pdf",
                 "/moeder/999999/samlet.pdf", "/punkter/999999/indstilling.pdf"):
        assert client.get(path).status_code == 404


def test_pdf_response_headers_name_the_file_and_keep_it_private(cast):
    response = client_for(cast, "member").get(url(cast, "agenda", "sent") + "?hent=1")
    meeting = cast["meetings"]["sent"]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert filename(response) == f"Dagsorden {meeting.display_title} {meeting.date:%d-%m-%Y}.pdf"
    assert response["Cache-Control"] == "private, max-age=0, must-revalidate"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_unchanged_document_answers_304_to_its_etag(cast):
    client = client_for(cast, "member")
    first = client.get(url(cast, "agenda", "sent"))
    again = client.get(url(cast, "agenda", "sent"), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_anonymous_visitor_always_gets_the_public_version(cast):
    response = client_for(cast, "anonymous").get(url(cast, "minutes", "published"))
    text = pdf_text(b"".join(response.streaming_content))
    assert "Personalesag" in text and "Lukket punkt" in text
    assert SECRET not in text


def test_member_may_ask_for_the_public_version(cast):
    client = client_for(cast, "member")
    own = pdf_text(b"".join(client.get(url(cast, "minutes", "published")).streaming_content))
    public = client.get(url(cast, "minutes", "published") + "?offentlig=1")
    assert filename(public).endswith(" (offentlig).pdf")
    public_text = pdf_text(b"".join(public.streaming_content))
    assert SECRET in own
    assert SECRET not in public_text


def test_public_version_of_an_unpublished_meeting_does_not_exist(cast):
    response = client_for(cast, "member").get(url(cast, "agenda", "sent") + "?offentlig=1")
    assert response.status_code == 404


def test_memo_of_a_closed_item_is_not_public(cast):
    path = f"/punkter/{cast['closed']['published'].pk}/indstilling.pdf"
    assert client_for(cast, "anonymous").get(path).status_code == 404
    assert client_for(cast, "outsider").get(path).status_code == 404
    assert client_for(cast, "member").get(path + "?offentlig=1").status_code == 404
    assert client_for(cast, "member").get(path).status_code == 200


def test_minutes_form_can_be_chosen(cast):
    client = client_for(cast, "member")
    short = pdf_text(b"".join(client.get(url(cast, "minutes", "approved") + "?form=kort")
                              .streaming_content))
    with_agenda = pdf_text(b"".join(client.get(url(cast, "minutes", "approved")
                                               + "?form=dagsorden").streaming_content))
    assert "Beslutning for Punkt 1: Dagsorden" in with_agenda
    assert "Beslutning for Punkt" not in short


def test_pdf_urls_refuse_post(cast):
    client = client_for(cast, "secretary")
    for kind in ("agenda", "minutes", "pack", "memo"):
        assert client.post(url(cast, kind, "published")).status_code == 405


def test_meeting_page_lists_the_documents(cast, plain_static):
    page = client_for(cast, "member").get(f"/moeder/{cast['meetings']['approved'].pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'aria-labelledby="dokumenter-overskrift"' in html
    assert url(cast, "agenda", "approved") in html
    assert url(cast, "minutes", "approved") in html
    assert url(cast, "memo", "approved") in html
    assert 'action="' + url(cast, "pack", "approved") + '"' in html
    assert '<label for="pack-noter">' in html


def test_meeting_page_offers_no_minutes_before_they_exist(cast, plain_static):
    page = client_for(cast, "member").get(f"/moeder/{cast['meetings']['sent'].pk}/")
    assert url(cast, "minutes", "sent") not in page.content.decode()


def test_anonymous_meeting_page_offers_no_personal_options(cast, plain_static):
    page = client_for(cast, "anonymous").get(f"/moeder/{cast['meetings']['published'].pk}/")
    html = page.content.decode()
    assert url(cast, "agenda", "published") in html
    assert "pack-noter" not in html and "pack-offentlig" not in html
