"""The meeting editor's page and its items: full page and fragment for each endpoint, the
refusals for the wrong people, and bad input answered with the form and its errors."""

import json
import re

import pytest

from agendas.models import AgendaItem, SubItem
from meetings.models import Meeting
from meetings.services import meeting_send_agenda
from tests.factories import make_item, make_meeting, make_series

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def signed_in(client, secretary):
    client.force_login(secretary)
    return client


def titles(meeting):
    return [(i.number, i.title) for i in meeting.items.order_by("position")]


def test_the_editor_shows_every_item_with_its_slot_and_open_or_closed(signed_in, series):
    meeting = make_meeting(series, start_time="11:00", end_time="11:30")
    make_item(meeting, title="Klimaplan", minutes=10)
    make_item(meeting, title="Personalesag", minutes=25, is_closed=True)
    page = signed_in.get(f"/moeder/{meeting.pk}/rediger/").content.decode()
    assert "Punkt 1: Klimaplan" in page and "Tid: 11.00 – 11.10" in page
    assert "Lukket punkt" in page and "Åbent punkt" in page
    assert "Tidsplanen løber 5 minutter over mødets sluttidspunkt." in page


@pytest.mark.parametrize("who, status", [("member", 403), ("outsider", 404)])
def test_the_editor_refuses_a_member_and_hides_from_an_outsider(client, series, request, who,
                                                                status):
    meeting = make_meeting(series, items=["Dagsorden"], status=Meeting.Status.AGENDA_SENT)
    client.force_login(request.getfixturevalue(who))
    response = client.get(f"/moeder/{meeting.pk}/rediger/")
    assert response.status_code == status
    if status == 403:
        assert "Du har ikke adgang til denne side" in response.content.decode()


def test_the_editor_sends_anonymous_users_to_log_in(client, meeting):
    response = client.get(f"/moeder/{meeting.pk}/rediger/")
    assert response.status_code == 302 and response["Location"].startswith("/log-ind/")


def test_an_item_opens_as_a_form_in_place_and_as_a_page_without_javascript(signed_in, meeting):
    item = meeting.items.first()
    fragment = signed_in.get(f"/punkter/{item.pk}/rediger/", **HTMX).content.decode()
    assert fragment.lstrip().startswith(f'<form id="item-{item.pk}-body"')
    assert "<html" not in fragment
    page = signed_in.get(f"/punkter/{item.pk}/rediger/").content.decode()
    assert "<html" in page and f'id="item-{item.pk}-title"' in page


def test_saving_an_item_answers_with_its_text_and_the_new_slots_and_summary(signed_in, series):
    meeting = make_meeting(series, start_time="11:00")
    first = make_item(meeting, title="Klimaplan", minutes=10)
    second = make_item(meeting, title="Budget", minutes=5)
    response = signed_in.post(f"/punkter/{first.pk}/rediger/", {
        "title": "Klimaplan i MSB", "minutes": "20", "version": first.version, "method": "",
        "text": "Sagen & baggrunden\n\nAndet afsnit", "text__format": "text"}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="item-{first.pk}-body" class="item-body"' in body
    assert f'id="item-{second.pk}-summary" class="item-summary" data-hx-swap-oob="true"' in body
    assert "Tid: 11.20 – 11.25" in body  # the second item moved with the first's new minutes
    assert "Punkt 1: Klimaplan i MSB er gemt." in body
    order = json.loads(response["HX-Trigger-After-Settle"])["referat:order"]["ids"]
    assert order == [first.pk, second.pk]
    first.refresh_from_db()
    assert first.text == "<p>Sagen &amp; baggrunden</p><p>Andet afsnit</p>"
    form = signed_in.get(f"/punkter/{first.pk}/rediger/", **HTMX).content.decode()
    assert "Sagen &amp; baggrunden\n\nAndet afsnit" in form  # shown as typed, "&" as "&"


def test_a_plain_form_post_saves_and_goes_back_to_the_item(signed_in, meeting):
    item = meeting.items.first()
    response = signed_in.post(f"/punkter/{item.pk}/rediger/", {
        "title": "Godkendelse af dagsorden", "version": item.version, "method": ""})
    assert response.status_code == 302
    assert response["Location"] == f"/moeder/{meeting.pk}/rediger/#item-{item.pk}"
    assert AgendaItem.objects.get(pk=item.pk).title == "Godkendelse af dagsorden"


@pytest.mark.parametrize("data, message", [
    ({"title": "", "minutes": "10"}, "Dette felt er påkrævet."),
    ({"title": "Klimaplan", "minutes": "0"}, "Tidsforbruget skal være mindst ét minut."),
    ({"title": "Klimaplan", "minutes": "ti"}, "Skriv tidsforbruget som et helt antal minutter"),
    ({"title": "Klimaplan", "method": "hemmelig"}, "Marker en gyldig valgmulighed"),
])
def test_bad_input_answers_422_with_the_form_and_a_danish_message(signed_in, meeting, data,
                                                                  message):
    item = meeting.items.first()
    response = signed_in.post(f"/punkter/{item.pk}/rediger/", {"version": item.version,
                                                               "method": "", **data}, **HTMX)
    assert response.status_code == 422
    body = response.content.decode()
    assert message in body and 'aria-invalid="true"' in body
    assert AgendaItem.objects.get(pk=item.pk).title == "Dagsorden"


def test_a_stale_save_is_a_conflict_with_both_versions_and_nothing_overwritten(
        client, secretary, series):
    """Two secretaries open the same item; the second to save gets the conflict."""
    meeting = make_meeting(series, items=["Klimaplan"])
    item = meeting.items.get()
    opened_at = item.version
    colleague = type(secretary).objects.create_user("kollega", first_name="Karin",
                                                    last_name="Kollega")
    series.secretariat.add(colleague)
    first, second = client, type(client)()
    first.force_login(colleague)
    second.force_login(secretary)
    assert first.post(f"/punkter/{item.pk}/rediger/", {
        "title": "Klimaplan i MSB", "version": opened_at, "method": ""}, **HTMX).status_code == 200
    response = second.post(f"/punkter/{item.pk}/rediger/", {
        "title": "Klimaplan", "minutes": "15", "responsible": "Michael Justesen",
        "version": opened_at, "method": ""}, **HTMX)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Karin Kollega har ændret dette" in body
    assert "Klimaplan i MSB" in body and "Michael Justesen" in body
    # The form holds the newer title with the user's own changes on top, on the new version.
    assert re.search(r'name="title" value="Klimaplan i MSB"', body)
    assert re.search(r'name="minutes" value="15"', body)
    assert f'name="version" value="{opened_at + 1}"' in body
    item.refresh_from_db()
    assert (item.title, item.minutes, item.responsible) == ("Klimaplan i MSB", None, "")


def test_approved_minutes_refuse_an_item_edit_with_the_reason(signed_in, series):
    meeting = make_meeting(series, items=["Klimaplan"], status=Meeting.Status.MINUTES_APPROVED)
    item = meeting.items.get()
    response = signed_in.post(f"/punkter/{item.pk}/rediger/", {
        "title": "Ændret", "version": item.version, "method": ""}, **HTMX)
    assert response.status_code == 422
    assert "er godkendt" in response.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).title == "Klimaplan"


def test_a_new_item_goes_before_the_closing_standard_items(signed_in):
    from meetings.models import StandardItem

    series = make_series(standard_items=[("Dagsorden", None, StandardItem.Placement.OPENING),
                                         ("Bordrunde", 5, StandardItem.Placement.CLOSING)])
    series.secretariat.add(signed_in.session["_auth_user_id"])
    meeting = make_meeting(series)
    response = signed_in.post(f"/moeder/{meeting.pk}/rediger/punkter/",
                              {"title": "Klimaplan", "minutes": "10"}, **HTMX)
    assert response.status_code == 200
    assert titles(meeting) == [(1, "Dagsorden"), (2, "Klimaplan"), (3, "Bordrunde")]
    new = meeting.items.get(title="Klimaplan")
    body = response.content.decode()
    assert 'data-hx-swap-oob="beforeend:#items"' in body and f'id="item-{new.pk}"' in body
    assert json.loads(response["HX-Trigger-After-Settle"])["referat:order"]["focus"] == (
        f"item-{new.pk}-edit")


def test_a_new_item_without_a_title_is_refused_with_the_form(signed_in, meeting):
    response = signed_in.post(f"/moeder/{meeting.pk}/rediger/punkter/", {"title": ""}, **HTMX)
    assert response.status_code == 422
    assert "Dette felt er påkrævet." in response.content.decode()
    assert meeting.items.count() == 3


def test_moving_an_item_with_the_keyboard_renumbers_before_sending(signed_in, meeting):
    last = meeting.items.order_by("position").last()
    response = signed_in.post(f"/punkter/{last.pk}/flyt/", {"by": "-1"}, **HTMX)
    assert response.status_code == 200
    assert titles(meeting) == [(1, "Dagsorden"), (2, "Bordrunde"), (3, "Referat")]
    assert "Punkt 2: Bordrunde er flyttet op til plads 2." in response.content.decode()


def test_after_sending_a_move_keeps_the_numbers(signed_in, meeting):
    meeting_send_agenda(meeting=meeting)
    last = meeting.items.order_by("position").last()
    signed_in.post(f"/punkter/{last.pk}/flyt/", {"by": "-1"})
    assert titles(meeting) == [(1, "Dagsorden"), (3, "Bordrunde"), (2, "Referat")]


def test_drag_and_drop_posts_the_whole_order(signed_in, meeting):
    ids = list(meeting.items.order_by("position").values_list("pk", flat=True))
    response = signed_in.post(f"/moeder/{meeting.pk}/rediger/raekkefoelge/",
                              {"item": list(reversed(ids))}, **HTMX)
    assert response.status_code == 200
    assert titles(meeting) == [(1, "Bordrunde"), (2, "Referat"), (3, "Dagsorden")]


@pytest.mark.parametrize("order", [["1", "x"], [], None])
def test_a_stale_or_garbled_order_is_refused_and_changes_nothing(signed_in, meeting, order):
    ids = [str(pk) for pk in meeting.items.order_by("position").values_list("pk", flat=True)]
    before = titles(meeting)
    data = {"item": order if order is not None else ids[:2]}
    response = signed_in.post(f"/moeder/{meeting.pk}/rediger/raekkefoelge/", data, **HTMX)
    assert response.status_code == 422
    assert "Genindlæs siden" in response.content.decode()
    assert titles(meeting) == before


def test_delete_and_undo_put_the_item_back_where_it_was(signed_in, meeting):
    middle = meeting.items.get(title="Referat")
    response = signed_in.post(f"/punkter/{middle.pk}/slet/", **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="item-{middle.pk}" data-hx-swap-oob="delete"' in body
    assert "Punkt 2: Referat er slettet." in body and "Fortryd sletningen" in body
    assert titles(meeting) == [(1, "Dagsorden"), (2, "Bordrunde")]
    response = signed_in.post(f"/moeder/{meeting.pk}/rediger/fortryd/", {"item": middle.pk},
                              **HTMX)
    assert response.status_code == 200
    assert titles(meeting) == [(1, "Dagsorden"), (2, "Referat"), (3, "Bordrunde")]


def test_undo_without_javascript_is_offered_on_the_next_page(signed_in, meeting):
    middle = meeting.items.get(title="Referat")
    response = signed_in.post(f"/punkter/{middle.pk}/slet/", follow=True)
    assert "Fortryd sletningen" in response.content.decode()
    assert "Fortryd sletningen" not in signed_in.get(
        f"/moeder/{meeting.pk}/rediger/").content.decode()


def test_undo_of_an_item_that_was_not_deleted_is_refused(signed_in, meeting):
    item = meeting.items.first()
    for value in (item.pk, "abc", ""):
        response = signed_in.post(f"/moeder/{meeting.pk}/rediger/fortryd/", {"item": value},
                                  **HTMX)
        assert response.status_code == 422
    assert meeting.items.count() == 3


def test_duplicate_comes_after_the_original(signed_in, meeting):
    item = meeting.items.get(title="Dagsorden")
    response = signed_in.post(f"/punkter/{item.pk}/kopier/", **HTMX)
    assert response.status_code == 200
    assert titles(meeting)[:2] == [(1, "Dagsorden"), (2, "Dagsorden (kopi)")]


def test_sub_items_are_added_edited_moved_and_deleted_with_their_letters(signed_in, meeting):
    item = meeting.items.get(title="Bordrunde")
    for title in ("Evt. orientering", "Kurser og konferencer"):
        response = signed_in.post(f"/punkter/{item.pk}/underpunkter/",
                                  {"title": title, "minutes": "5", "method": ""}, **HTMX)
        assert response.status_code == 200
    assert "B) Kurser og konferencer" in response.content.decode()
    second = SubItem.objects.get(item=item, letter="B")
    response = signed_in.post(f"/underpunkter/{second.pk}/", {
        "title": "Kurser", "minutes": "10", "method": "", "version": second.version}, **HTMX)
    assert response.status_code == 200 and "B) Kurser" in response.content.decode()
    signed_in.post(f"/underpunkter/{second.pk}/flyt/", {"by": "-1"}, **HTMX)
    assert [(s.letter, s.title) for s in item.sub_items.all()] == [
        ("A", "Kurser"), ("B", "Evt. orientering")]
    signed_in.post(f"/underpunkter/{second.pk}/slet/", **HTMX)
    assert [(s.letter, s.title) for s in item.sub_items.all()] == [("A", "Evt. orientering")]


def test_a_sub_item_without_a_title_is_refused(signed_in, meeting):
    item = meeting.items.first()
    response = signed_in.post(f"/punkter/{item.pk}/underpunkter/", {"title": ""}, **HTMX)
    assert response.status_code == 422
    assert not item.sub_items.exists()


def test_changes_after_sending_are_marked_in_the_editor_and_on_the_meeting_page(
        signed_in, member, client, meeting):
    meeting_send_agenda(meeting=meeting)
    item = meeting.items.get(title="Referat")
    signed_in.post(f"/punkter/{item.pk}/rediger/", {
        "title": "Referat fra sidste møde", "version": item.version, "method": ""})
    editor = signed_in.get(f"/moeder/{meeting.pk}/rediger/").content.decode()
    assert editor.count("Ændret efter udsendelse") == 1
    client.force_login(member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert page.count("Ændret efter udsendelse") == 1


def test_the_meeting_page_links_the_secretariat_to_the_editor_only(client, secretary, member,
                                                                   series):
    meeting = make_meeting(series, items=["Dagsorden"], status=Meeting.Status.AGENDA_SENT)
    editor_link = f'href="/moeder/{meeting.pk}/rediger/"'
    client.force_login(secretary)
    assert editor_link in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(member)
    assert editor_link not in client.get(meeting.get_absolute_url()).content.decode()


def test_the_header_takes_dates_as_referat_shows_them(signed_in, meeting):
    response = signed_in.post(f"/moeder/{meeting.pk}/rediger/moede/", {
        "date": "04-09-2023", "start_time": "11.00", "end_time": "13:00",
        "location": "Rådmandens kontor, vær. 436", "version": meeting.version}, **HTMX)
    assert response.status_code == 200, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert f"{meeting.date:%d-%m-%Y} {meeting.start_time:%H:%M}" == "04-09-2023 11:00"


@pytest.mark.parametrize("data, message", [
    ({"date": "31-02-2023", "start_time": "11.00"}, "Indtast en gyldig dato."),
    ({"date": "04-09-2023", "start_time": "25.00"}, "Indtast en gyldig tid."),
    ({"date": "04-09-2023", "start_time": "13.00", "end_time": "11.00"},
     "Mødet skal slutte efter, at det begynder."),
])
def test_a_bad_header_is_the_form_again_with_the_reason(signed_in, meeting, data, message):
    response = signed_in.post(f"/moeder/{meeting.pk}/rediger/moede/",
                              {"version": meeting.version, **data}, **HTMX)
    assert response.status_code == 422
    assert message in response.content.decode()


def test_every_part_has_a_page_of_its_own_for_editing_without_javascript(signed_in, meeting):
    from agendas.services import sub_item_create
    from tests.factories import make_attachment

    item = meeting.items.first()
    sub = sub_item_create(item=item, title="Evt. orientering")
    attachment = make_attachment(item, text="Bilag")
    for url, field in ((f"/underpunkter/{sub.pk}/", f'id="sub-{sub.pk}-title"'),
                       (f"/bilag/{attachment.pk}/rediger/",
                        f'id="attachment-{attachment.pk}-title"'),
                       (f"/punkter/{item.pk}/indstilling/", f'id="memo-{item.pk}-memo_template"')):
        page = signed_in.get(url)
        assert page.status_code == 200, url
        html = page.content.decode()
        assert "<html" in html and field in html, url
