"""No closed text reaches a public PDF: closed items come out as "Lukket punkt" with their
number and title, closed attachments not at all."""

import io

import pikepdf
import pytest
from django.contrib.auth.models import AnonymousUser

from documents import services
from documents.pdf import store
from meetings.models import Meeting
from tests.documents.builders import CLOSED_ATTACHMENT_TEXT, CLOSED_TEXT, rich_meeting
from tests.documents.pdftext import outline_titles, pdf_text
from tests.factories import make_series, make_user

pytestmark = pytest.mark.django_db

SECRETS = [CLOSED_TEXT, CLOSED_ATTACHMENT_TEXT, "Fortroligt regnestykke", "Lukket notat"]


@pytest.fixture(scope="module")
def pdfs(module_db):
    member = make_user("offentlig-medlem")
    series = make_series(name="Rådmandsmøder 2022-2025", members=[member])
    meeting = rich_meeting(series, status=Meeting.Status.PUBLISHED)
    anonymous = AnonymousUser()
    public_plan = services.pack_plan(meeting=meeting, user=anonymous, public=True)
    member_plan = services.pack_plan(meeting=meeting, user=member)
    member_public_plan = services.pack_plan(meeting=meeting, user=member, public=True,
                                            with_annotations=True)
    return {
        "agenda": store.read(services.agenda_pdf(meeting=meeting, user=anonymous, public=True)),
        "minutes": store.read(services.minutes_pdf(meeting=meeting, user=anonymous,
                                                   public=True)),
        "pack": store.read(services.pack_pdf(public_plan)),
        "member_asks_public_pack": store.read(services.pack_pdf(member_public_plan)),
        "member_pack": store.read(services.pack_pdf(member_plan)),
    }


def everything_readable(data: bytes) -> str:
    """Page text, bookmarks and document information: every place text can hide."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = " ".join(str(value) for value in pdf.docinfo.values())
    return "\n".join([pdf_text(data), *outline_titles(data), info])


@pytest.mark.parametrize("name", ["agenda", "minutes", "pack", "member_asks_public_pack"])
def test_public_pdf_holds_no_text_of_a_closed_item_or_closed_attachment(pdfs, name):
    text = everything_readable(pdfs[name])
    for secret in SECRETS:
        assert secret not in text, secret
    assert "Punkt 5: Personalesag" in text
    assert "Lukket punkt" in text


@pytest.mark.parametrize("name", ["agenda", "minutes", "pack"])
def test_public_pdf_keeps_the_open_items(pdfs, name):
    text = pdf_text(pdfs[name])
    assert "Punkt 3: Klimaplan i MSB" in text
    assert "Punkt 6: Bordrunde" in text


def test_public_pack_stamps_only_open_attachments(pdfs):
    text = pdf_text(pdfs["pack"])
    assert "Punkt 3, Bilag 1: Bilag 1 - Økonomisk fordeling" in text
    assert "Punkt 3, Bilag 2: Bilag 2 - Klimaplan" in text
    assert "Punkt 5, Bilag" not in text


def test_members_own_pack_does_hold_the_closed_material(pdfs):
    text = pdf_text(pdfs["member_pack"])
    for secret in SECRETS:
        assert secret in text, secret
