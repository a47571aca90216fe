"""History pages: the versions of an item (its memo with it), the difference between two
versions, restoring one, and who may see any of it."""

import pytest

from agendas.models import AgendaItem, MemoSection, RecommendationPoint
from agendas.services import agenda_item_update, memo_update
from meetings.models import Meeting, MemoTemplate
from meetings.services import meeting_send_agenda
from tests.factories import make_item, make_meeting, make_recommendations, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def signed_in(client, secretary):
    client.force_login(secretary)
    return client


@pytest.fixture
def template_a(db):
    return MemoTemplate.objects.create(name="A: afdelingens indstilling", layout="A", sections=[
        {"title": "INDSTILLING", "kind": "recommendation"},
        {"title": "SAGSFREMSTILLING", "kind": "text"}])


def edit_item(client, item, **fields):
    item.refresh_from_db()
    data = {"title": item.title, "version": item.version, "method": "", **fields}
    response = client.post(f"/punkter/{item.pk}/rediger/", data, **HTMX)
    assert response.status_code == 200, response.content.decode()[:500]
    item.refresh_from_db()
    return response


def test_an_edit_through_the_editor_writes_one_history_row_with_the_acting_user(
        signed_in, meeting, secretary):
    item = make_item(meeting, title="Klimaplan")
    before = AgendaItem.history.filter(id=item.pk).count()
    edit_item(signed_in, item, title="Klimaplan i MSB", minutes="20")
    rows = AgendaItem.history.filter(id=item.pk).order_by("-history_date")
    assert rows.count() == before + 1
    assert rows[0].history_user == secretary
    assert rows[0].title == "Klimaplan i MSB"


def test_the_item_history_lists_versions_newest_first_with_user_and_reason(
        signed_in, meeting, secretary):
    item = make_item(meeting, title="Første titel")
    edit_item(signed_in, item, title="Anden titel")
    edit_item(signed_in, item, title="Tredje titel")
    page = signed_in.get(f"/punkter/{item.pk}/historik/").content.decode()
    assert page.index("Tredje titel") < page.index("Anden titel") < page.index("Første titel")
    assert secretary.get_full_name() or secretary.get_username() in page
    assert "3 versioner" in page


def test_the_diff_shows_changed_words_and_escapes_html(signed_in, meeting):
    item = make_item(meeting, title="Klimaplan", text="<p>Sagen handler om træer.</p>")
    edit_item(signed_in, item, text="Sagen handler om <script>alert(1)</script> buske.",
              text__format="text")
    token = f"i{AgendaItem.history.filter(id=item.pk).latest('history_date').history_id}"
    page = signed_in.get(f"/punkter/{item.pk}/historik/sammenlign/?til={token}")
    body = page.content.decode()
    assert page.status_code == 200
    assert "<del>træer.</del>" in body
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_the_memo_is_one_document_in_the_diff(signed_in, meeting, template_a):
    item = make_item(meeting, title="Budget", memo_template=template_a)
    section = item.memo_sections.get(title="SAGSFREMSTILLING")
    memo_update(item=item, expected_version=None, fields={},
                sections={section.pk: (None, "<p>Budgettet er stramt.</p>")})
    [point] = make_recommendations(item, "at budgettet godkendes")
    body = signed_in.get(f"/punkter/{item.pk}/historik/").content.decode()
    assert "Indstillingspunkt: at budgettet godkendes" in body
    token = f"r{RecommendationPoint.history.get(id=point.pk).history_id}"
    body = signed_in.get(f"/punkter/{item.pk}/historik/sammenlign/?til={token}").content.decode()
    # The point lands in the memo's INDSTILLING section, before SAGSFREMSTILLING's text.
    assert "INDSTILLING<ins>\n1) at budgettet godkendes</ins>\n\nSAGSFREMSTILLING" in body
    assert "Budgettet er stramt." in body


def test_restore_brings_the_old_texts_back_as_a_new_version_with_its_reason(
        signed_in, meeting, secretary):
    item = make_item(meeting, title="Klimaplan", text="<p>Den gode tekst.</p>")
    good = AgendaItem.history.filter(id=item.pk).latest("history_date").history_id
    edit_item(signed_in, item, title="Fejl", text="Et uheld", text__format="text")
    response = signed_in.post(f"/punkter/{item.pk}/historik/gendan/", {
        "version": f"i{good}", "reason": "Fortryder uheldet", "scope": "all"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.text) == ("Klimaplan", "<p>Den gode tekst.</p>")
    latest = AgendaItem.history.filter(id=item.pk).latest("history_date")
    assert latest.history_change_reason == "Fortryder uheldet"
    assert latest.history_user == secretary
    assert (item.number, item.position) == (AgendaItem.objects.get(pk=item.pk).number,
                                           item.position)


def test_restore_is_refused_once_the_minutes_are_approved(signed_in, meeting):
    item = make_item(meeting, title="Klimaplan")
    good = AgendaItem.history.filter(id=item.pk).latest("history_date").history_id
    agenda_item_update(item=item, expected_version=None, fields={"title": "Ny"})
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.MINUTES_APPROVED)
    response = signed_in.post(f"/punkter/{item.pk}/historik/gendan/", {"version": f"i{good}"},
                              follow=True)
    assert "godkendt" in response.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).title == "Ny"


def test_a_member_gets_403_and_anonymous_and_outsiders_404(client, meeting, member, outsider):
    item = make_item(meeting, title="Klimaplan", is_closed=True)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED)
    urls = [f"/punkter/{item.pk}/historik/", f"/punkter/{item.pk}/historik/sammenlign/",
            f"/moeder/{meeting.pk}/historik/", f"/serier/{meeting.series_id}/historik/"]
    for url in urls:
        assert client.get(url).status_code == 404, url
    client.force_login(outsider)
    for url in urls:
        assert client.get(url).status_code == 404, url
    client.force_login(member)
    for url in urls:
        assert client.get(url).status_code == 403, url


def test_an_open_published_item_is_still_404_for_the_public(client, meeting):
    item = make_item(meeting, title="Klimaplan")
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED)
    assert client.get(f"/punkter/{item.pk}/historik/").status_code == 404


def test_an_unknown_version_is_404(signed_in, meeting):
    item = make_item(meeting, title="Klimaplan")
    other = make_item(make_meeting(meeting.series, date="2030-01-01"), title="Andet")
    foreign = AgendaItem.history.filter(id=other.pk).latest("history_date").history_id
    for token in ("x1", "i", "iabc", f"i{foreign}", "i99999999999999999999"):
        response = signed_in.get(f"/punkter/{item.pk}/historik/sammenlign/?til={token}")
        assert response.status_code == 404, token


def test_compare_with_the_agenda_as_sent(signed_in, meeting, secretary):
    item = make_item(meeting, title="Før udsendelse")
    meeting_send_agenda(meeting=meeting, by=secretary)
    edit_item(signed_in, item, title="Efter udsendelse")
    body = signed_in.get(f"/punkter/{item.pk}/historik/sammenlign/?fra=udsendt").content.decode()
    assert "Før udsendelse" in body and "Efter udsendelse" in body


def test_the_audit_filters_by_person_and_kind(signed_in, meeting, secretary):
    item = make_item(meeting, title="Klimaplan")
    edit_item(signed_in, item, title="Klimaplan i MSB")
    someone = make_user("anden")
    meeting.series.secretariat.add(someone)
    url = f"/serier/{meeting.series_id}/historik/"
    page = signed_in.get(url).content.decode()
    assert "Klimaplan i MSB" in page
    mine = signed_in.get(f"{url}?person={secretary.pk}&kind=i").content.decode()
    assert "Klimaplan i MSB" in mine
    assert "Klimaplan i MSB" not in signed_in.get(f"{url}?person={someone.pk}").content.decode()
    assert "Klimaplan i MSB" not in signed_in.get(f"{url}?kind=m").content.decode()
    assert signed_in.get(f"{url}?since=bad&side=zz").status_code == 200


def test_a_deleted_item_keeps_its_history_for_the_secretariat_only(client, signed_in, meeting,
                                                                   outsider, member):
    from agendas.services import agenda_item_delete

    item = make_item(meeting, title="Slettes snart", is_closed=True)
    pk = item.pk
    agenda_item_delete(item=item)
    page = signed_in.get(f"/punkter/{pk}/historik/")
    assert page.status_code == 200
    assert "Slettes snart" in page.content.decode() and "Slettet" in page.content.decode()
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED)
    client.logout()
    client.force_login(outsider)
    assert client.get(f"/punkter/{pk}/historik/").status_code == 404
    client.force_login(member)
    assert client.get(f"/punkter/{pk}/historik/").status_code == 403


def test_a_memo_restore_round_trips_its_sections_and_points(signed_in, meeting, template_a):
    item = make_item(meeting, title="Budget", memo_template=template_a)
    section = item.memo_sections.get(title="SAGSFREMSTILLING")
    memo_update(item=item, expected_version=None, fields={"memo_title": "Budget 2024"},
                sections={section.pk: (None, "<p>Den gode udgave.</p>")})
    make_recommendations(item, "at budgettet godkendes", "at det offentliggøres")
    item.refresh_from_db()
    good_point = RecommendationPoint.history.filter(item_id=item.pk).latest("history_date")
    good = f"r{good_point.history_id}"
    section.refresh_from_db()
    memo_update(item=item, expected_version=None, fields={"memo_title": "Forkert"},
                sections={section.pk: (None, "<p>Et uheld.</p>")})
    make_recommendations(item, "at alt forkastes")
    edit_item(signed_in, item, title="Budget i ny form")

    response = signed_in.post(f"/punkter/{item.pk}/historik/gendan/", {
        "version": good, "scope": "memo", "reason": "Memoet tilbage"})
    assert response.status_code == 302
    item.refresh_from_db()
    section.refresh_from_db()
    assert item.memo_title == "Budget 2024"
    assert item.title == "Budget i ny form", "scope memo leaves the item's own fields"
    assert section.body == "<p>Den gode udgave.</p>"
    assert [p.text for p in item.recommendations.order_by("number")] == [
        "at budgettet godkendes", "at det offentliggøres"]
    assert MemoSection.history.filter(id=section.pk).latest(
        "history_date").history_change_reason == "Memoet tilbage"
    # And back again: the restore is a version like any other.
    body = signed_in.get(f"/punkter/{item.pk}/historik/").content.decode()
    assert body.count("Memoet tilbage") >= 2
