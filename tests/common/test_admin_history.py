"""The admin's history pages, for every model registered with history: a bad id is a 404
(never a 500), the history of another series' objects, of closed and of deleted ones is as
hidden as the objects, and the pages ask for the historical models' own permissions, which
the secretariat's group has."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from simple_history.admin import SimpleHistoryAdmin

from agendas.models import AgendaItem, Comment, Note, SubItem
from agendas.services import agenda_item_delete, sub_item_create
from common.admin import HistoryAdmin
from decisions.models import DecisionPoint, FollowUp
from demo.accounts import ensure_secretariat_group
from meetings.models import MeetingSeries
from tests.factories import (
    make_attachment,
    make_decision,
    make_item,
    make_meeting,
    make_memo_template,
    make_recommendations,
    make_series,
    make_user,
)

pytestmark = pytest.mark.django_db

WITH_HISTORY = sorted((model for model, model_admin in admin.site._registry.items()
                       if isinstance(model_admin, SimpleHistoryAdmin)),
                      key=lambda model: model._meta.label)
# Global, not of a series: every secretary reads the memo templates.
UNSCOPED = {"meetings.MemoTemplate"}


def ids(model) -> str:
    return model._meta.label


def admin_url(model, rest: str) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{rest}"


def one_of_each(series, author) -> dict:
    """An object of every model with history in the admin, in `series`."""
    template = make_memo_template()
    meeting = make_meeting(series)
    item = make_item(meeting, title="Personalesag", memo_template=template, is_closed=True)
    points = make_recommendations(item, "at sagen godkendes")
    decision = make_decision(item, points=[("Godkendt.", "godkendt", points)],
                             follow_ups=[("Følger op", "FAS")])
    objects = [template, series, meeting, item, item.memo_sections.first(), points[0],
               sub_item_create(item=item, title="Underpunkt"), make_attachment(item),
               Note.objects.create(item=item, author=author, text="Min note"),
               Comment.objects.create(item=item, author=author, text="Delt kommentar"),
               decision, DecisionPoint.objects.get(decision=decision),
               FollowUp.objects.get(decision=decision)]
    return {type(obj)._meta.label: obj for obj in objects}


@pytest.fixture
def secretariat_staff(secretary):
    """The secretary with the secretariat's group (demo/accounts.py), nothing more."""
    secretary.is_staff = True
    secretary.save()
    secretary.groups.add(ensure_secretariat_group())
    return secretary


@pytest.fixture
def mine(series, secretariat_staff):
    return one_of_each(series, secretariat_staff)


def test_every_admin_with_history_uses_the_shared_base():
    assert WITH_HISTORY
    for model in WITH_HISTORY:
        assert isinstance(admin.site._registry[model], HistoryAdmin), model


@pytest.mark.parametrize("model", WITH_HISTORY, ids=ids)
def test_the_secretariat_reads_the_history_of_its_own_objects(client, secretariat_staff,
                                                               mine, model):
    obj = mine[model._meta.label]
    version = obj.history.earliest().history_id
    client.force_login(secretariat_staff)
    assert client.get(admin_url(model, f"{obj.pk}/history/")).status_code == 200
    page = client.get(admin_url(model, f"{obj.pk}/history/{version}/"))
    assert page.status_code == 200
    # Viewing only: the group may not change history rows, so there is nothing to revert.
    assert 'name="_save"' not in page.content.decode()


@pytest.mark.parametrize("model", WITH_HISTORY, ids=ids)
def test_a_history_url_with_a_bad_id_is_a_404(client, secretariat_staff, mine, model):
    pk = mine[model._meta.label].pk
    client.force_login(secretariat_staff)
    for rest in ("4.0/history/", "%00/history/", "abc/history/", "-1/history/",
                 "99999999999999999999/history/", f"{pk}.0/history/",
                 "27/history/abc/", f"{pk}/history/abc/", f"{pk}/history/%00/",
                 f"{pk}/history/4.0/", f"{pk}/history/99999999999999999999/",
                 "4.0/history/1/"):
        response = client.get(admin_url(model, rest))
        assert response.status_code == 404, (rest, response.status_code)
    for rest in ("4.0/change/", "%00/change/", "4.0/delete/", "%00/delete/"):
        # The admin's own pages send back to the list ("… does not exist") or refuse.
        assert client.get(admin_url(model, rest)).status_code in (302, 403, 404), rest


@pytest.mark.parametrize("model", [m for m in WITH_HISTORY if ids(m) not in UNSCOPED], ids=ids)
def test_the_history_of_another_series_is_a_404_even_for_its_members_on_staff(
        client, secretariat_staff, model):
    theirs = make_series(name="Direktionen", members=[secretariat_staff])
    obj = one_of_each(theirs, make_user())[model._meta.label]
    version = obj.history.earliest().history_id
    client.force_login(secretariat_staff)
    for rest in (f"{obj.pk}/history/", f"{obj.pk}/history/{version}/"):
        response = client.get(admin_url(model, rest))
        assert response.status_code == 404, rest
        assert "Personalesag" not in response.content.decode()


def test_a_closed_items_history_reaches_no_one_outside_the_secretariat(client, mine, member):
    item = mine["agendas.AgendaItem"]
    assert item.is_closed
    version = item.history.earliest().history_id
    urls = [admin_url(AgendaItem, f"{item.pk}/history/"),
            admin_url(AgendaItem, f"{item.pk}/history/{version}/")]
    client.force_login(member)  # a member of the series, not on staff
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    member.is_staff = True  # on staff, with every permission, but not the series' secretariat
    member.save()
    member.user_permissions.set(Permission.objects.filter(
        content_type__app_label__in=["meetings", "agendas", "decisions"]))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404
        assert "Personalesag" not in response.content.decode()


def test_a_deleted_items_history_is_not_shown_in_the_admin(client, secretariat_staff, series):
    item = make_item(make_meeting(series), title="Fortroligt punkt")
    version = item.history.earliest().history_id
    agenda_item_delete(item=item)
    client.force_login(secretariat_staff)
    for rest in (f"{item.pk}/history/", f"{item.pk}/history/{version}/"):
        response = client.get(admin_url(AgendaItem, rest))
        assert response.status_code == 404
        assert "Fortroligt punkt" not in response.content.decode()


def test_the_history_pages_ask_for_the_historical_models_permissions(client, series):
    """Permissions on the items alone open the item, not its history."""
    item = make_item(make_meeting(series))
    colleague = make_user(is_staff=True)
    series.secretariat.add(colleague)
    colleague.user_permissions.set(Permission.objects.filter(
        content_type__app_label="agendas", content_type__model="agendaitem"))
    client.force_login(colleague)
    assert client.get(admin_url(AgendaItem, f"{item.pk}/change/")).status_code == 200
    assert client.get(admin_url(AgendaItem, f"{item.pk}/history/")).status_code == 403


def test_a_version_page_does_not_revert_for_who_may_only_view_history(client,
                                                                      secretariat_staff,
                                                                      series):
    sub = sub_item_create(item=make_item(make_meeting(series)), title="Første titel")
    version = sub.history.earliest().history_id
    sub.title = "Anden titel"
    sub.save()
    client.force_login(secretariat_staff)
    response = client.post(admin_url(SubItem, f"{sub.pk}/history/{version}/"), {
        "item": sub.item_id, "title": "Første titel", "expected_version": sub.version})
    assert response.status_code == 403
    sub.refresh_from_db()
    assert sub.title == "Anden titel"


def test_a_series_history_in_the_admin_is_the_secretariats(client, secretariat_staff, series):
    other = make_series(name="Direktionen")
    client.force_login(secretariat_staff)
    assert client.get(admin_url(MeetingSeries, f"{series.pk}/history/")).status_code == 200
    assert client.get(admin_url(MeetingSeries, f"{other.pk}/history/")).status_code == 404
