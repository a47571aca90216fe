"""load_demo: the meetings of the 2023 MSB packs, as a reader and the three demo users meet them.

WeasyPrint is slow, so the command runs once for the whole module, inside a transaction that
is rolled back when the module is done; each test runs in a savepoint within it.
"""

import datetime as dt
import hashlib
import io
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from agendas.models import Attachment
from agendas.timeplan import time_plan
from decisions.models import Decision, DecisionPoint, FollowUp
from demo.pdf import RefuseAllFetcher
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

MARCH_6, MARCH_13 = dt.date(2023, 3, 6), dt.date(2023, 3, 13)
SEPT_4, SEPT_11, SEPT_20 = dt.date(2023, 9, 4), dt.date(2023, 9, 11), dt.date(2023, 9, 20)


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, demo_media):
    """Replaces tests/conftest.py's fixture: the demo's files are written once per module."""
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module", autouse=True)
def demo_output(django_db_setup, django_db_blocker, demo_media):
    with (django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media),
          transaction.atomic()):
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def meeting_on(date) -> Meeting:
    return Meeting.objects.get(date=date)


def agenda(date) -> list[tuple[int, str]]:
    return list(meeting_on(date).items.order_by("position").values_list("number", "title"))


def decision(date, number) -> Decision:
    return Decision.objects.get(item__meeting__date=date, item__number=number)


def test_load_demo_builds_the_five_meetings_of_the_seeds_with_their_status():
    meetings = Meeting.objects.order_by("date")
    assert [(m.series.name, m.date, m.start_time, m.status) for m in meetings] == [
        ("Rådmandsmøder 2022-2025", MARCH_6, dt.time(11), "published"),
        ("Rådmandsmøder 2022-2025", MARCH_13, dt.time(11), "published"),
        ("Rådmandsmøder 2022-2025", SEPT_4, dt.time(11), "published"),
        ("Rådmandsmøder 2022-2025", SEPT_11, dt.time(11), "minutes_approved"),
        ("Social- og Beskæftigelsesudvalget", SEPT_20, dt.time(18, 15), "agenda_sent"),
    ]
    march_6 = meeting_on(MARCH_6)
    assert march_6.location == "Rådmandens kontor, vær. 436"
    assert march_6.information.startswith("Mads tager referat.")
    assert march_6.minute_taker.first_name == "Mads"
    assert march_6.guests.splitlines()[-1] == "Mette Thorsgaard Erhardsen"
    assert march_6.minutes_approved_in == meeting_on(MARCH_13)
    assert meeting_on(SEPT_11).minutes_approved_by.username == "sekretaer"


def test_items_keep_the_seeds_numbers_in_the_seeds_order_of_treatment():
    assert agenda(MARCH_6) == [
        (1, "Dagsorden"), (2, "Referat"), (3, "Orientering fra Magistraten"),
        (4, "Orientering om udvalgsmødet"), (5, "Bordrunde"),
        (7, "Opfølgning på mål og økonomi regnskab 2022"),
        (6, "Temadrøftelse: Strategiske indsatsområder vedr. rekruttering og fastholdelse i MSB"),
    ]
    assert agenda(MARCH_13) == [
        (1, "Dagsorden"), (2, "Referat"), (3, "Ukrainestatus uge 10"),
        (4, "Orientering fra Magistraten"), (5, "Bordrunde"),
    ]
    assert agenda(SEPT_4) == [
        (1, "Dagsorden"), (2, "Referat"), (3, "Orientering om resultater fra senioranalyse 2023"),
        (4, "Status på udrulning af relationel velfærd"), (5, "Orientering fra Magistraten"),
        (6, "Orientering om udvalgsmødet"), (7, "Bordrunde"),
    ]
    assert agenda(SEPT_11) == [
        (1, "Dagsorden"), (2, "Referat"), (3, "Klimaplan i MSB"),
        (4, "Nye tiltag på integrationsområdet pba ny organisering"),
        (5, "Orientering fra Magistraten"), (6, "Orientering om udvalgsmødet"), (7, "Bordrunde"),
    ]
    assert [title for _number, title in agenda(SEPT_20)] == [
        "Godkendelse af dagsorden", "Referat fra udvalgets møde den 6. september 2023",
        "Input til ny aftale om udsatte boligområder",
        "Klimaplan i Sociale Forhold og Beskæftigelse",
        "Opfølgning på fællesmøde med Psykiatri- og Socialudvalget - henvendelse",
        "Fleksibel mødedag den 11. december 2023", "Orienteringspunkter",
        "Skriftlige orienteringer", "Kurser og konferencer samt sager på vej til byrådet", "Evt.",
    ]


def test_decisions_read_as_in_the_seeds():
    def points(date, number):
        return [(p.text, p.outcome) for p in decision(date, number).points.all()]

    assert points(MARCH_6, 1) == [("Godkendt.", "godkendt")]
    assert points(MARCH_6, 2) == [("Referatet blev godkendt.", "godkendt")]
    assert points(MARCH_6, 4) == [("Intet til referat.", "taget_til_efterretning")]
    assert points(MARCH_6, 5) == [("Punktet blev ikke behandlet denne gang.", "ikke_behandlet")]
    assert points(MARCH_6, 7) == [("Materialet blev drøftet.", "droeftet")]
    assert "<li>MBU har uge 40 som medborgerskabsuge" in decision(MARCH_6, 3).text
    assert points(MARCH_13, 2) == [("Referatet blev godkendt uden bemærkninger.", "godkendt")]
    assert decision(MARCH_13, 3).text.startswith("<p>Mette Skov gav en status")
    assert points(SEPT_4, 3) == [("Rådmanden tog orienteringen til efterretning.",
                                  "taget_til_efterretning")]
    assert "(med respekt for de cent? Projektlederen hos MØB følger op." in decision(
        SEPT_11, 3).text
    assert decision(SEPT_11, 7).points.get().text == "Intet til referat."


def test_decision_points_answer_the_recommendation_points_ad_1_and_ad_2_og_ad_3():
    theme = decision(MARCH_6, 6)
    labels = [p.label(answers_form=True) for p in theme.points.all()]
    assert labels == ["Ad 1)", "Ad 2) og Ad 3)"]
    assert [p.outcome for p in theme.points.all()] == ["droeftet", "droeftet"]
    assert theme.points.last().text.startswith("Vi har eksisterende partnerskaber med bl.a. VIA")
    climate = decision(SEPT_11, 3)
    assert [p.label(answers_form=False) for p in climate.points.all()] == ["1)", "2)"]
    assert [p.outcome for p in climate.points.all()] == ["godkendt", "godkendt"]
    lone = DecisionPoint.objects.get(decision=decision(MARCH_6, 1))
    assert lone.label(answers_form=True) == ""


def test_memos_have_their_templates_sections_and_recommendation_points():
    climate = meeting_on(SEPT_11).items.get(number=3)
    assert list(climate.memo_sections.values_list("title", flat=True)) == [
        "INDSTILLING", "SAGSFREMSTILLING", "HANDLEMULIGHEDER/LØSNINGER", "ØKONOMI",
        "KOMMUNIKATION", "VIDERE PROCES", "KOORDINERET MED", "BILAG",
    ]
    assert climate.memo_sections.get(title="SAGSFREMSTILLING").body.startswith(
        "<p>I 2008 vedtog byrådet ambitionen om et CO2-neutralt bysamfund i 2030. MSB har siden "
        "arbejdet")
    assert list(climate.recommendations.values_list("number", "text")) == [
        (1, "at Rådmanden godkender og fremsender klimaplanen for MSB til behandling i Social- "
            "og Beskæftigelsesudvalget"),
        (2, "at Rådmanden godkender disponering af de afsatte 8 mio. kr som beskrevet i bilag 1"),
    ]
    assert (climate.sending_unit, climate.memo_date, climate.case_officer_email) == (
        "Effekt – Mål, Økonomi og Boliger", dt.date(2023, 9, 6), "thak@aarhus.dk")
    ukraine = meeting_on(MARCH_13).items.get(number=3)
    sections = dict(ukraine.memo_sections.values_list("title", "body"))
    assert list(sections)[:2] == ["1. Resume", "2. Beslutningspunkter"]
    assert list(sections)[-2:] == ["Bilag", "Tidligere beslutninger"]
    assert sections["4. Hvilken værdi skabes for borgere og samfund?"] == ""
    assert "ukrainere med opholdstilladelse" in sections["1. Resume"]
    assert ukraine.recommendations.get().text.startswith("At rådmanden og direktionen")
    assert ukraine.memo_heading == "Status på MSB’s ukraineindsatser – uge 10 2023"
    assert climate.memo_heading == "Klimaplan i MSB"


def test_follow_ups_are_recorded_with_their_owners():
    follow_ups = FollowUp.objects.select_related("decision__item__meeting")
    assert sorted((f.decision.item.meeting.date, f.decision.item.number, f.owner)
                  for f in follow_ups) == [
        (MARCH_6, 6, "Organisation og Ledelse"),
        (MARCH_6, 7, "Drifts- og koordinationsforum"),
        (MARCH_13, 3, "Organisation og Ledelse"),
        (SEPT_4, 4, "FAS"),
        (SEPT_11, 3, "MØB"),
        (SEPT_11, 5, "Direktør Erik Kaastrup-Hansen"),
        (SEPT_11, 5, "Organisation og Ledelse"),
    ]
    assert all(f.status == "open" and f.opened_on == f.decision.item.meeting.date
               for f in follow_ups)


def test_the_committee_agenda_gets_the_seeds_time_slots():
    committee = meeting_on(SEPT_20)
    items = list(committee.items.prefetch_related("sub_items").order_by("position"))
    slots = time_plan(committee.start_time, items)
    by_label = {}
    for item in items:
        if ("item", item.pk) in slots:
            by_label[str(item.number)] = str(slots[("item", item.pk)])
        for sub in item.sub_items.all():
            if ("sub", sub.pk) in slots:
                by_label[f"{item.number}{sub.letter}"] = str(slots[("sub", sub.pk)])
    assert by_label == {
        "1": "18.15 – 18.18", "2": "18.18 – 18.20", "3": "18.20 – 18.40",
        "4": "18.40 – 19.00", "5": "19.00 – 19.15", "6": "19.15 – 19.25",
        "7A": "19.25 – 19.30", "9": "19.30 – 19.35", "10": "19.35 – 19.40",
    }
    assert items[2].method_label == "Mundtlig drøftelse"
    assert (committee.case_number, committee.contact_phone) == ("EMN-2023-009780", "41 85 99 39")


def test_attachments_are_real_pdfs_whose_sha256_matches_the_stored_bytes():
    attachments = list(Attachment.objects.all())
    assert len(attachments) == 15
    for attachment in attachments:
        with attachment.file.open("rb") as f:
            data = f.read()
        assert data.startswith(b"%PDF-")
        assert attachment.page_count >= 1
        assert attachment.sha256 == hashlib.sha256(data).hexdigest()
        assert attachment.size == len(data)
    ukraine = Attachment.objects.get(item__meeting__date=MARCH_13)
    assert ukraine.title == "Status på MSB’s arbejde ift. ukrainske flygtninge i Aarhus uge 10"
    assert "1.850 ukrainere" in ukraine.text
    assert "Nille Bregenov-Pedersen" in ukraine.text
    forklaede = Attachment.objects.filter(title="Forklæde").first()
    assert "Dokumentet indgår ikke i kildematerialet." in forklaede.text
    agenda_pdf = Attachment.objects.get(item__meeting__date=SEPT_11, item__number=6)
    assert agenda_pdf.title.endswith("den 20. september 2023.docx")
    assert "18.15 – 18.18 (3 min.)" in agenda_pdf.text


def test_the_climate_plans_internal_distribution_is_a_closed_attachment(client):
    bilag_1, bilag_2 = Attachment.objects.filter(
        item__meeting__date=SEPT_11, item__number=3).order_by("position")
    assert (bilag_1.title, bilag_1.is_closed) == (
        "Økonomisk fordeling af klimaplanens 8 mio. kr.", True)
    assert (bilag_2.title, bilag_2.is_closed) == ("Forslag til klimaplan for MSB", False)
    client.force_login(User.objects.get(username="medlem"))
    assert client.get(bilag_1.get_absolute_url()).status_code == 200
    client.force_login(User.objects.get(username="udvalg"))
    assert client.get(bilag_1.get_absolute_url()).status_code == 404


def counts() -> dict[str, int]:
    models = [m for app in ("meetings", "agendas", "decisions")
              for m in apps.get_app_config(app).get_models()]
    result = {m._meta.label: m._default_manager.count() for m in models}
    result |= {"users": User.objects.count(), "groups": Group.objects.count(),
               "group permissions": Group.permissions.through.objects.count(),
               "series members": sum(s.members.count() for s in
                                     apps.get_model("meetings", "MeetingSeries").objects.all())}
    return result


def test_running_load_demo_twice_leaves_every_count_unchanged():
    before = counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == before
    assert out.getvalue().count("Findes allerede, uændret") == 5


def printed_logins(output: str) -> list[tuple[str, str]]:
    table = output.split("Log ind på /log-ind/ som:")[1].strip().splitlines()[1:]
    return [tuple(re.split(r"\s{2,}", line.strip())[1:3]) for line in table]


def test_every_printed_log_in_works(client, demo_output):
    logins = printed_logins(demo_output)
    assert [username for username, _password in logins] == ["sekretaer", "medlem", "udvalg"]
    for username, password in logins:
        response = client.post("/log-ind/", {"username": username, "password": password})
        assert response.status_code == 302, username
        assert client.get("/").context["user"].username == username
        client.post("/log-ud/")


def log_in(client, output, username):
    password = dict(printed_logins(output))[username]
    client.post("/log-ind/", {"username": username, "password": password})


def test_the_member_reads_the_6_march_meeting_with_item_7_before_item_6(client, demo_output):
    log_in(client, demo_output, "medlem")
    response = client.get(meeting_on(MARCH_6).get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Punkt 7: Opfølgning på mål og økonomi regnskab 2022" in html
    assert html.index("Punkt 7: Opfølgning") < html.index("Punkt 6: Temadrøftelse")
    assert "Punktet blev ikke behandlet denne gang." in html


def test_the_committee_member_sees_the_committee_meeting_but_not_the_unpublished_one(
        client, demo_output):
    log_in(client, demo_output, "udvalg")
    assert client.get(meeting_on(SEPT_11).get_absolute_url()).status_code == 404
    response = client.get(meeting_on(SEPT_20).get_absolute_url())
    assert response.status_code == 200
    assert "Fleksibel mødedag den 11. december 2023" in response.content.decode()


def test_the_secretariat_user_edits_meetings_in_the_admin(client, demo_output):
    secretary = User.objects.get(username="sekretaer")
    assert secretary.groups.filter(name="Sekretariat").exists()
    assert Permission.objects.filter(group__name="Sekretariat",
                                     codename="change_agendaitem").exists()
    log_in(client, demo_output, "sekretaer")
    response = client.get("/admin/meetings/meeting/")
    assert response.status_code == 200
    assert "Social- og Beskæftigelsesudvalgsmøde" in response.content.decode()
    # The history pages ask for the historical models' permissions: the group has them.
    item = meeting_on(MARCH_6).items.order_by("position").first()
    assert client.get(f"/admin/agendas/agendaitem/{item.pk}/history/").status_code == 200


def test_the_appendix_renderer_fetches_nothing():
    with pytest.raises(ValueError, match="må ikke hente"):
        RefuseAllFetcher().fetch("https://example.org/logo.png")
