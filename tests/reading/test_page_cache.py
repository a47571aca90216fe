"""The meeting page is kept in the cache, and a kept page is never wrong: after any kind of
write the next request shows it, a member never sees another member's notes, the browser's
copy is confirmed with a 304, and every response carries its own CSRF token. Each test runs
on the local memory cache and on a real Redis."""

import re

import pytest
from django.test import Client

from agendas.models import Attachment, Comment, MemoSection, Note, RecommendationPoint, SubItem
from agendas.services import agenda_item_delete, agenda_items_reorder
from decisions.models import Decision, DecisionPoint, FollowUp
from meetings.models import Meeting, MemoTemplate
from meetings.services import meeting_publish
from tests.factories import (
    make_attachment,
    make_decision,
    make_item,
    make_meeting,
    make_memo_template,
    make_recommendations,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["locmem", "redis"])
def kept(request):
    """The cache the pages are kept in."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return request.param


@pytest.fixture
def approved(series, secretary):
    """A meeting with approved minutes: one item of each kind of content."""
    meeting = make_meeting(series, status=Meeting.Status.MINUTES_APPROVED)
    item = make_item(meeting, title="Klimaplan", memo_template=make_memo_template(),
                     text="<p>Punktets tekst</p>")
    SubItem.objects.create(item=item, letter="A", position=1, title="Underpunkt")
    points = make_recommendations(item, "at planen godkendes", "at sagen følges")
    make_attachment(item, title="Budget")
    make_decision(item, points=[("Godkendt.", "godkendt", points[:1])],
                  follow_ups=[("FAS følger op", "FAS")])
    make_item(meeting, title="Bordrunde")
    return meeting


def page(client, meeting) -> str:
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _item(meeting, title="Klimaplan"):
    return meeting.items.get(title=title)


WRITES = {
    "meeting saved": lambda m: _save(m, location="Rådhuset, lokale 12"),
    "meetings updated in bulk": lambda m: Meeting.objects.filter(pk=m.pk).update(
        location="Rådhuset, lokale 12"),
    "series renamed": lambda m: _save(m.series, name="Rådhuset, lokale 12"),
    "item saved": lambda m: _save(_item(m), title="Rådhuset, lokale 12"),
    "item deleted": lambda m: agenda_item_delete(item=_item(m, "Bordrunde")),
    "items reordered": lambda m: agenda_items_reorder(
        meeting=m, ordered_ids=list(reversed(m.items.order_by("position")
                                             .values_list("pk", flat=True)))),
    "sub-item saved": lambda m: _save(SubItem.objects.get(item__meeting=m),
                                      title="Rådhuset, lokale 12"),
    "memo section updated": lambda m: MemoSection.objects.filter(
        item__meeting=m, title="SAGSFREMSTILLING").update(body="<p>Rådhuset, lokale 12</p>"),
    "recommendation point saved": lambda m: _save(
        RecommendationPoint.objects.get(item__meeting=m, number=2), text="Rådhuset, lokale 12"),
    "attachment saved": lambda m: _save(Attachment.objects.get(item__meeting=m),
                                        title="Rådhuset, lokale 12"),
    "attachment added": lambda m: make_attachment(_item(m), title="Rådhuset, lokale 12"),
    "decision saved": lambda m: _save(Decision.objects.get(item__meeting=m),
                                      text="<p>Rådhuset, lokale 12</p>"),
    "decision point saved": lambda m: _save(DecisionPoint.objects.get(decision__item__meeting=m),
                                            text="Rådhuset, lokale 12"),
    "decision point answers more": lambda m: DecisionPoint.objects.get(
        decision__item__meeting=m).answers.add(
        RecommendationPoint.objects.get(item__meeting=m, number=2)),
    "follow-up created": lambda m: FollowUp.objects.create(
        decision=Decision.objects.get(item__meeting=m), owner_unit="Rådhuset, lokale 12",
        description="Ny opfølgning", opened_on=m.date),
    "memo template changed": lambda m: MemoTemplate.objects.filter(
        pk=_item(m).memo_template_id).update(layout="B"),
}
SHOWN = {"decision point answers more": "Ad 2)", "item deleted": "!Bordrunde",
         "items reordered": "order", "memo template changed": "Det indstilles:"}
# Approved minutes lock the agenda: these writes are made while the agenda is out.
BEFORE_MINUTES = {"item deleted", "items reordered"}


def _save(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


@pytest.mark.parametrize("write", WRITES)
def test_the_kept_page_shows_every_kind_of_write_at_once(client, member, approved, kept, write):
    if write in BEFORE_MINUTES:
        Meeting.objects.filter(pk=approved.pk).update(status=Meeting.Status.AGENDA_SENT)
        approved.refresh_from_db()
    client.force_login(member)
    before = page(client, approved)
    assert _without_tokens(page(client, approved)) == _without_tokens(before)

    WRITES[write](approved)

    after = page(client, approved)
    shown = SHOWN.get(write, "Rådhuset, lokale 12")
    if shown == "order":
        assert _headings(after) == list(reversed(_headings(before)))
    elif shown.startswith("!"):
        assert shown[1:] in before and shown[1:] not in after
    else:
        assert shown not in before and shown in after


def test_a_publication_reaches_the_public_page_at_once(client, approved, kept):
    assert client.get(approved.get_absolute_url()).status_code == 404
    meeting_publish(meeting=approved)
    assert "Klimaplan" in page(Client(), approved)


def test_a_member_never_sees_another_members_notes_from_the_cache(series, approved, member,
                                                                  kept):
    other = make_user("medlem2")
    series.members.add(other)
    Note.objects.create(item=_item(approved), author=member, text="Mettes private note")
    mette, other_client = Client(), Client()
    mette.force_login(member)
    other_client.force_login(other)

    assert "Mettes private note" in page(mette, approved)
    assert "Mettes private note" not in page(other_client, approved)
    Note.objects.create(item=_item(approved), author=other, text="Den andens note")
    assert "Den andens note" not in page(mette, approved)
    assert "Mettes private note" not in page(other_client, approved)
    assert "Den andens note" in page(other_client, approved)


def test_notes_and_comments_show_at_once_to_their_readers(client, series, approved, member,
                                                          secretary, kept):
    client.force_login(member)
    page(client, approved)
    response = client.post(f"/punkter/{_item(approved).pk}/noter/",
                           {"kind": "note", "text": "Husk budgettet"})
    assert response.status_code == 302
    html = page(client, approved)
    assert "Husk budgettet" in html and "Noten er gemt." in html  # the message, once
    assert "Noten er gemt." not in page(client, approved)
    Comment.objects.create(item=_item(approved), author=secretary, text="Delt med alle")
    assert "Delt med alle" in page(client, approved)
    note = Note.objects.get(text="Husk budgettet")
    client.post(f"/noter/{note.pk}/slet/")
    assert "Husk budgettet" not in page(client, approved)


def test_the_browser_copy_is_confirmed_with_304_until_the_page_changes(client, member,
                                                                       approved, kept):
    client.force_login(member)
    first = client.get(approved.get_absolute_url())
    etag = first["ETag"]
    assert {"private", "no-cache"} <= set(first["Cache-Control"].split(", "))
    assert "Last-Modified" in first
    again = client.get(approved.get_absolute_url(), headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""

    _save(_item(approved), title="Ny titel")
    changed = client.get(approved.get_absolute_url(), headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Ny titel" in changed.content.decode()
    assert changed["ETag"] != etag


def test_another_reader_never_gets_a_304_for_someone_elses_copy(member, secretary, approved,
                                                                kept):
    mette, mads = Client(), Client()
    mette.force_login(member)
    mads.force_login(secretary)
    etag = mette.get(approved.get_absolute_url())["ETag"]
    assert mads.get(approved.get_absolute_url(), headers={"If-None-Match": etag}
                    ).status_code == 200


def test_every_response_carries_a_csrf_token_that_works_for_its_own_reader(approved, kept):
    meeting_publish(meeting=approved)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = [_csrf(page(first, approved)), _csrf(page(second, approved))]
    assert "placeholder" not in "".join(tokens)
    response = second.post("/sprog/", {"language": "en", "next": "/",
                                       "csrfmiddlewaretoken": tokens[1]})
    assert response.status_code == 302


def test_the_language_is_part_of_what_is_kept(approved, kept):
    meeting_publish(meeting=approved)
    danish = page(Client(), approved)
    english = Client()
    english.post("/sprog/", {"language": "en", "next": "/"})
    # The section is the minutes once they are approved: "Referat", "Minutes" in English.
    heading = '<h2 id="dagsorden-overskrift">'
    assert f"{heading}Referat</h2>" in danish
    assert f"{heading}Minutes</h2>" in page(english, approved)


def _csrf(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def _without_tokens(html: str) -> str:
    """`html` without its CSRF tokens (each response has a masked token of its own)."""
    html = re.sub(r'(csrfmiddlewaretoken" value=")[^"]+', r"\1", html)
    return re.sub(r'(X-CSRFToken": ")[^"]+', r"\1", html)


def _headings(html: str) -> list[str]:
    return re.findall(r'id="punkt-\d+-titel">([^<]+)', html)

