"""The follow-up board across meetings, "Mine opfølgninger", the CSV export, and the next
meeting's "Opfølgning" panel."""

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from decisions.models import FollowUp
from meetings.models import Meeting
from tests.decisions.conftest import htmx
from tests.factories import make_decision, make_item, make_meeting, make_series, make_user

pytestmark = pytest.mark.django_db
BOARD = reverse("decisions:follow_ups")
CSV = reverse("decisions:follow_ups_csv")


def follow_up(item, description, owner, *, due=None, status="open"):
    decision = getattr(item, "decision", None) if hasattr(item, "decision") else None
    if decision is None:
        decision = make_decision(item, text="")
    owner_fields = {"owner_unit": owner} if isinstance(owner, str) else {"owner_user": owner}
    closed = {"closed_on": dt.date(2023, 4, 10)} if status in ("done", "cancelled") else {}
    return FollowUp.objects.create(decision=decision, description=description,
                                   opened_on=item.meeting.date, due_date=due, status=status,
                                   **owner_fields, **closed)


@pytest.fixture
def board(series, member):
    """Approved minutes of two meetings of the series with follow-ups for FAS, MØB and the
    member; a draft whose follow-up only the secretariat sees; another series' follow-up."""
    today = timezone.localdate()
    march = make_meeting(series, date=dt.date(2023, 3, 6), status=Meeting.Status.MINUTES_APPROVED)
    april = make_meeting(series, date=dt.date(2023, 4, 3), status=Meeting.Status.PUBLISHED)
    draft = make_meeting(series, date=dt.date(2023, 5, 1), status=Meeting.Status.MINUTES_DRAFT)
    klimaplan, budget = make_item(march, title="Klimaplan"), make_item(april, title="Budget")
    rows = {
        "fas": follow_up(klimaplan, "FAS sender planen til udvalget.", "FAS",
                         due=today - dt.timedelta(days=3)),
        "moeb": follow_up(klimaplan, "Projektlederen hos MØB følger op på økonomien.", "MØB",
                          due=today + dt.timedelta(days=30)),
        "mine": follow_up(budget, "Mette melder tilbage om æøå-tegnene.", member,
                          due=today + dt.timedelta(days=10)),
        "done": follow_up(budget, "Klaret.", "FAS", status="done"),
        "draft": follow_up(make_item(draft, title="Kladde"), "Kun sekretariatet ser mig.", "OL"),
    }
    other = make_meeting(make_series(name="Direktionen"), status=Meeting.Status.PUBLISHED)
    rows["other"] = follow_up(make_item(other, title="Andet"), "En anden series.", "FAS")
    return rows


def listed(response) -> list[str]:
    return [row.description for row in response.context["rows"]]


def test_a_member_sees_the_released_follow_ups_sorted_by_due_date(client, member, board):
    client.force_login(member)
    response = client.get(BOARD)
    assert response.status_code == 200
    assert listed(response) == ["FAS sender planen til udvalget.",
                                "Mette melder tilbage om æøå-tegnene.",
                                "Projektlederen hos MØB følger op på økonomien."]
    page = response.content.decode()
    assert "Overskredet" in page
    assert "Rådmandsmøder 2022-2025, 06-03-2023" in page and "Punkt 1: Klimaplan" in page
    assert listed(client.get(BOARD, {"sortering": "-frist"}))[0] == (
        "Projektlederen hos MØB følger op på økonomien.")


def test_the_secretariat_also_sees_the_draft_minutes_follow_ups(client, secretary, board):
    client.force_login(secretary)
    assert "Kun sekretariatet ser mig." in listed(client.get(BOARD))
    assert "En anden series." not in listed(client.get(BOARD))


def test_filters_by_owner_series_status_and_overdue(client, member, board, series):
    client.force_login(member)
    assert listed(client.get(BOARD, {"enhed": "fas"})) == ["FAS sender planen til udvalget."]
    assert listed(client.get(BOARD, {"person": member.pk})) == [
        "Mette melder tilbage om æøå-tegnene."]
    assert listed(client.get(BOARD, {"status": "done"})) == ["Klaret."]
    assert len(listed(client.get(BOARD, {"status": "alle", "serie": series.pk}))) == 4
    assert listed(client.get(BOARD, {"overskredet": "1"})) == ["FAS sender planen til udvalget."]
    # Unknown values fall back to the defaults rather than failing.
    assert client.get(BOARD, {"status": "x", "serie": "y", "sortering": "z"}).status_code == 200
    people = [name for _pk, name in client.get(BOARD).context["people"]]
    assert people == ["Mads Sekretær", "Mette Medlem"], "the people of the reader's series"


def test_mine_lists_the_owners_own_and_lets_them_change_the_status(client, member, board):
    client.force_login(member)
    response = client.get(BOARD, {"mine": "1"})
    assert listed(response) == ["Mette melder tilbage om æøå-tegnene."]
    assert "<h1>Mine opfølgninger</h1>" in response.content.decode()
    mine = board["mine"]
    status_url = reverse("decisions:follow_up_status", args=[mine.pk])
    assert f'action="{status_url}"' in response.content.decode()
    changed = client.post(status_url, {"status": "done", "version": mine.version},
                          HTTP_HX_REQUEST="true")
    assert changed.status_code == 200 and "Status er gemt." in changed.content.decode()
    mine.refresh_from_db()
    assert (mine.status, mine.closed_on) == ("done", timezone.localdate())
    # Another's follow-up: the member sees it but may not change it.
    others = client.post(reverse("decisions:follow_up_status", args=[board["fas"].pk]),
                         {"status": "done", "version": 1})
    assert others.status_code == 403
    stale = client.post(status_url, {"status": "open", "version": 1}, HTTP_HX_REQUEST="true")
    assert stale.status_code == 409 and "ændret af en anden" in stale.content.decode()


def test_an_owner_outside_the_series_sees_their_follow_up_but_not_the_item(client, board,
                                                                          series):
    outsider_owner = make_user("ekstern", first_name="Eva", last_name="Ekstern")
    march = Meeting.objects.get(date=dt.date(2023, 3, 6))
    follow_up(march.items.get(title="Klimaplan"), "Eva leverer tal.", outsider_owner)
    client.force_login(outsider_owner)
    response = client.get(BOARD, {"mine": "1"})
    assert listed(response) == ["Eva leverer tal."]
    page = response.content.decode()
    assert "Punkt 1" in page and "Klimaplan" not in page


def test_the_csv_is_utf8_with_a_bom_and_the_boards_filters(client, member, board):
    client.force_login(member)
    response = client.get(CSV, {"person": member.pk})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="opfoelgninger-')
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Møde", "Dato", "Punkt", "Opfølgning", "Ansvarlig", "Oprettet", "Frist",
                       "Status", "Afsluttet", "Overskredet"]
    assert rows[1][:5] == ["Rådmandsmøder 2022-2025", "03-04-2023", "Punkt 1: Budget",
                           "Mette melder tilbage om æøå-tegnene.", "Mette Medlem"]
    assert rows[1][7] == "Åben" and len(rows) == 2


def test_the_board_is_for_logged_in_readers(client):
    assert client.get(BOARD)["Location"].startswith("/log-ind/")
    assert client.get(CSV)["Location"].startswith("/log-ind/")


@pytest.mark.parametrize("extra", [0, 60])
def test_the_board_costs_the_same_queries_whatever_the_number_of_follow_ups(
        client, member, board, extra, django_assert_num_queries):
    item = Meeting.objects.get(date=dt.date(2023, 3, 6)).items.get()
    for n in range(extra):
        follow_up(item, f"Ekstra {n}", make_user() if n % 2 else f"Enhed {n}")
    client.force_login(member)
    # 1 session, 2 user, 3 the page's rows and one more (+owner, item, meeting, series),
    # 4 the series the reader tracks as secretariat, 5 the count (up to COUNT_LIMIT + 1; not
    # needed when the first page holds them all), 6 the people of the reader's series, 7 the
    # series for the filter
    with django_assert_num_queries(7 if extra else 6):
        response = client.get(BOARD)
    assert len(response.context["rows"]) == min(3 + extra, 25)
    assert response.context["page"].has_next == (3 + extra > 25)


def test_beyond_the_count_limit_the_board_says_more_than(client, member, board, settings,
                                                         monkeypatch):
    from decisions import board as board_module

    monkeypatch.setattr(board_module, "COUNT_LIMIT", 2)
    client.force_login(member)
    page = client.get(BOARD).content.decode()
    assert "Mere end 2 opfølgninger." in page
    second = client.get(BOARD, {"side": "2", "status": "alle"})
    assert second.status_code == 200 and listed(second) == []


def test_the_panel_offers_the_series_open_follow_ups_to_the_next_meeting(
        secretary_client, board, series):
    next_meeting = make_meeting(series, date=dt.date(2023, 6, 5), items=["Dagsorden"])
    panel = reverse("decisions:follow_up_panel", args=[next_meeting.pk])
    fragment = secretary_client.get(panel, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<section id="follow-up-panel"')
    for text in ("FAS sender planen til udvalget.", "Kun sekretariatet ser mig.",
                 "Mette melder tilbage"):
        assert text in fragment
    assert "Klaret." not in fragment and "En anden series." not in fragment
    assert "overskredet" in fragment

    schedule = reverse("decisions:follow_up_schedule", args=[next_meeting.pk, board["fas"].pk])
    response = htmx(secretary_client, schedule)
    assert response.status_code == 200
    assert "er sat på dagsordenen som Punkt 2." in response.content.decode()
    assert next_meeting.items.get(number=2).title == (
        "Opfølgning: FAS sender planen til udvalget.")
    again = htmx(secretary_client, schedule)
    assert again.status_code == 422 and "allerede sat på dagsordenen" in again.content.decode()


def test_scheduling_from_the_agenda_editor_sends_the_new_item_along(secretary_client, board,
                                                                    series):
    next_meeting = make_meeting(series, date=dt.date(2023, 6, 5), items=["Dagsorden"])
    editor = reverse("agendas:meeting_editor", args=[next_meeting.pk])
    response = secretary_client.post(
        reverse("decisions:follow_up_schedule", args=[next_meeting.pk, board["moeb"].pk]),
        HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=f"http://testserver{editor}")
    body = response.content.decode()
    assert 'id="follow-up-panel"' in body
    assert 'data-hx-swap-oob="beforeend:#items"' in body
    assert "referat:order" in response["HX-Trigger-After-Settle"]


def test_a_member_may_not_open_the_panel(client, member, board, series):
    next_meeting = make_meeting(series, date=dt.date(2023, 6, 5), status=Meeting.Status.AGENDA_SENT)
    client.force_login(member)
    assert client.get(reverse("decisions:follow_up_panel", args=[next_meeting.pk])
                      ).status_code == 403
    assert Client().get(reverse("decisions:follow_up_panel", args=[next_meeting.pk])
                        )["Location"].startswith("/log-ind/")
