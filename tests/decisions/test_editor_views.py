"""The minute taker's screen through HTTP: the page, the fragments each action answers with,
the refusals in Danish, and the plain form posts without JavaScript."""

import datetime as dt
import json

import pytest
from django.core import mail
from django.urls import reverse

from decisions.models import Attendance, Decision, DecisionPoint, FollowUp
from decisions.services import point_add
from meetings.models import Meeting
from tests.decisions.conftest import htmx
from tests.factories import make_meeting, make_user

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"decisions:{name}", args=args)


def test_the_page_lists_the_items_in_the_order_of_treatment_with_phrases_and_drafts(
        secretary_client, minutes_meeting):
    from agendas.services import agenda_items_reorder

    items = list(minutes_meeting.items.order_by("position"))
    agenda_items_reorder(meeting=minutes_meeting, ordered_ids=[items[0].pk, items[2].pk,
                                                              items[1].pk])
    page = secretary_client.get(url("minutes_editor", minutes_meeting.pk)).content.decode()
    sections = [page.index(f'<li id="referat-punkt-{item.pk}"') for item in items]
    assert sections[0] < sections[2] < sections[1]
    assert page.index("Punkt 3: Klimaplan i MSB", sections[2]) < sections[1]
    assert page.count(">Godkendt.</button>") == 3
    assert "Intet til referat." in page
    assert "Brug som beslutning til Ad 1)" in page
    assert "<q>Rådmanden godkendte klimaplanen.</q>" in page
    assert 'data-autosave-url="/punkter/' in page
    assert "Tastaturgenveje" in page


def test_a_phrase_is_one_click_and_answers_with_the_items_fragments(secretary_client,
                                                                    minutes_meeting):
    item = minutes_meeting.items.get(title="Dagsorden")
    response = htmx(secretary_client, url("point_add", item.pk), {"phrase": "0"})
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="points-{item.pk}"' in body and 'data-hx-swap-oob="true"' in body
    assert ">Godkendt.</textarea>" in body
    point = DecisionPoint.objects.get(decision__item=item)
    assert (point.text, point.outcome) == ("Godkendt.", "godkendt")
    events = json.loads(response["HX-Trigger-After-Settle"])
    assert events["referat:versions"] == {f"decision-{item.pk}": 1, f"point-{point.pk}": 1}
    assert events["referat:focus"] == f"point-{point.pk}-text"


def test_a_draft_from_the_memo_becomes_the_point_answering_it(secretary_client,
                                                              minutes_meeting):
    item = minutes_meeting.items.get(title="Klimaplan i MSB")
    recommendation = item.recommendations.get()
    response = htmx(secretary_client, url("point_add", item.pk),
                    {"recommendation": recommendation.pk})
    assert response.status_code == 200
    point = DecisionPoint.objects.get(decision__item=item)
    assert point.text == "Rådmanden godkendte klimaplanen."
    assert list(point.answers.all()) == [recommendation]
    assert "Besvaret i beslutningen." in response.content.decode()


def test_a_point_with_an_outcome_outside_the_list_is_refused(secretary_client,
                                                            minutes_meeting):
    item = minutes_meeting.items.get(title="Dagsorden")
    response = htmx(secretary_client, url("point_add", item.pk),
                    {"text": "Vedtaget.", "outcome": "vedtaget"})
    assert response.status_code == 422
    assert "Vælg et udfald fra listen." in response.content.decode()
    assert ">Vedtaget.</textarea>" in response.content.decode(), "the typed text stays"
    point = point_add(item=item, text="Godkendt.", outcome="godkendt")
    response = htmx(secretary_client, url("point_edit", point.pk),
                    {"outcome": "vedtaget", "version": point.version})
    assert response.status_code == 422
    point.refresh_from_db()
    assert point.outcome == "godkendt"


def test_changing_a_points_outcome_and_answers_keeps_the_page_and_moves_its_version(
        secretary_client, minutes_meeting):
    item = minutes_meeting.items.get(title="Klimaplan i MSB")
    point = point_add(item=item, text="Rådmanden tog sagen til efterretning.",
                      outcome="godkendt")
    response = htmx(secretary_client, url("point_edit", point.pk), {
        "outcome": "taget_til_efterretning", "answers": [item.recommendations.get().pk],
        "version": 1})
    assert response.status_code == 204
    assert json.loads(response["HX-Trigger"])["referat:versions"] == {f"point-{point.pk}": 2}
    point.refresh_from_db()
    assert point.outcome == "taget_til_efterretning" and point.answers.count() == 1
    stale = htmx(secretary_client, url("point_edit", point.pk),
                 {"outcome": "godkendt", "version": 1})
    assert stale.status_code == 409
    assert "ændret af en anden" in stale.content.decode()


def test_a_lone_point_can_be_numbered(secretary_client, minutes_meeting):
    item = minutes_meeting.items.get(title="Klimaplan i MSB")
    point_add(item=item, text="Rådmanden tog orienteringen til efterretning.",
              outcome="taget_til_efterretning")
    response = htmx(secretary_client, url("minutes_item", item.pk),
                    {"numbering": "numbered", "version": 1})
    assert response.status_code == 200
    decision = Decision.objects.get(item=item)
    assert decision.numbering == "numbered"
    assert decision.points.get().label(answers_form=False) == "1)"
    assert "Beslutningspunkt 1)" in response.content.decode()


def test_autosave_answers_saved_ignored_or_conflict(secretary_client, minutes_meeting):
    item = minutes_meeting.items.get(title="Klimaplan i MSB")
    post = lambda text, **fields: secretary_client.post(url("decision_text", item.pk), {  # noqa: E731
        "text": text, "text__format": "html", "client": "side-1", **fields})
    saved = post("<p>Økonomichef Michael Justesen gav en orientering.</p>", version=0, seq=2)
    assert saved.status_code == 200 and saved.json()["state"] == "saved"
    assert saved.json()["version"] == 1 and saved.json()["message"].startswith("Gemt kl.")
    late = post("<p>Økonomichef</p>", version=0, seq=1)
    assert late.json()["state"] == "ignored"
    secretary_client.post(url("decision_text", item.pk), {
        "text": "<p>En andens tekst.</p>", "text__format": "html", "client": "side-2",
        "version": 1, "seq": 1})
    conflict = post("<p>Min tekst.</p>", version=1, seq=3)
    assert conflict.status_code == 409
    data = conflict.json()
    assert data["version"] == 2 and data["theirs"] == "<p>En andens tekst.</p>"
    assert "Min tekst." in data["html"] and "Behold min tekst" in data["html"]
    assert "Mads Sekretær har ændret den samme tekst" in data["html"]
    assert Decision.objects.get(item=item).text == "<p>En andens tekst.</p>"


def test_autosave_in_plain_text_becomes_paragraphs_and_bullets(secretary_client,
                                                              minutes_meeting):
    item = minutes_meeting.items.get(title="Dagsorden")
    response = secretary_client.post(url("decision_text", item.pk), {
        "text": "Drøftet, herunder:\n\n- fritidsjobs\n- medborgerskabsuge", "text__format": "text",
        "client": "side-1", "version": 0, "seq": 1})
    assert response.status_code == 200
    assert Decision.objects.get(item=item).text == (
        "<p>Drøftet, herunder:</p><ul><li>fritidsjobs</li><li>medborgerskabsuge</li></ul>")


def test_autosave_of_approved_minutes_is_refused_with_the_reason(secretary_client,
                                                                minutes_meeting):
    item = minutes_meeting.items.get(title="Dagsorden")
    Meeting.objects.filter(pk=minutes_meeting.pk).update(status=Meeting.Status.MINUTES_APPROVED)
    response = secretary_client.post(url("decision_text", item.pk), {
        "text": "<p>For sent.</p>", "client": "side-1", "version": 0, "seq": 1})
    assert response.status_code == 422
    assert "Genåbn mødet" in response.json()["message"]
    incomplete = secretary_client.post(url("decision_text", item.pk), {"text": "x"})
    assert incomplete.status_code == 400 and "Genindlæs siden" in incomplete.json()["message"]


def test_follow_ups_are_suggested_from_the_text_and_refused_without_owner(
        secretary_client, minutes_meeting):
    item = minutes_meeting.items.get(title="Klimaplan i MSB")
    secretary_client.post(url("decision_text", item.pk), {
        "text": "<p>Rådmanden efterspurgte en Q&amp;A. FAS følger op.</p>", "client": "s",
        "version": 0, "seq": 1})
    fragment = secretary_client.get(url("minutes_item", item.pk) + "?del=forslag",
                                    HTTP_HX_REQUEST="true").content.decode()
    assert "Forslag: FAS følger op." in fragment and "Opret opfølgning for FAS" in fragment

    refused = htmx(secretary_client, url("follow_up_add", item.pk),
                   {"description": "Nogen følger op.", "owner_unit": ""})
    assert refused.status_code == 422
    assert "Vælg, hvem der følger op" in refused.content.decode()
    early = htmx(secretary_client, url("follow_up_add", item.pk),
                 {"description": "FAS følger op.", "owner_unit": "FAS", "due_date": "01-03-2023"})
    assert early.status_code == 422
    assert "Fristen kan ikke ligge før mødet den 6. marts 2023." in early.content.decode()

    created = htmx(secretary_client, url("follow_up_add", item.pk),
                   {"description": "Rådmanden efterspurgte en Q&A. FAS følger op.",
                    "owner_unit": "FAS", "due_date": "03-04-2023"})
    assert created.status_code == 200
    follow_up = FollowUp.objects.get()
    assert (follow_up.opened_on, follow_up.due_date) == (dt.date(2023, 3, 6), dt.date(2023, 4, 3))
    body = created.content.decode()
    assert "<strong>FAS</strong>: Rådmanden efterspurgte en Q&amp;A. FAS følger op." in body
    assert "frist 03-04-2023" in body
    assert "Forslag: FAS" not in body, "the suggestion is taken"


def test_an_item_not_treated_goes_to_the_next_meeting_from_the_screen(secretary_client,
                                                                      minutes_meeting):
    later = make_meeting(minutes_meeting.series, date=dt.date(2023, 3, 13), items=["Dagsorden"])
    item = minutes_meeting.items.get(title="Klimaplan i MSB")
    page = secretary_client.get(url("minutes_editor", minutes_meeting.pk)).content.decode()
    assert "Punktet blev ikke behandlet: sæt det på mødet den 13. marts 2023" in page
    response = htmx(secretary_client, url("item_defer", item.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "sat på dagsordenen til mødet den 13. marts 2023 som Punkt 2" in body
    assert later.items.get(number=2).recommendations.get().text == (
        "at rådmanden godkender klimaplanen")


def test_the_next_meetings_referat_item_approves_the_previous_minutes(
        secretary_client, minutes_meeting, member, django_capture_on_commit_callbacks):
    member.email = "mette@example.org"
    member.save()
    later = make_meeting(minutes_meeting.series, date=dt.date(2023, 3, 13),
                         items=["Dagsorden", "Referat"], status=Meeting.Status.MINUTES_DRAFT)
    referat = later.items.get(title="Referat")
    page = secretary_client.get(url("minutes_editor", later.pk)).content.decode()
    assert "Godkend referatet af mødet den 6. marts 2023" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = htmx(secretary_client, url("previous_minutes_approve", referat.pk))
    assert response.status_code == 200
    assert "Referatet af mødet den 6. marts 2023 er godkendt på dette møde." in (
        response.content.decode())
    minutes_meeting.refresh_from_db()
    assert minutes_meeting.minutes_approved_in == later
    assert [m.subject for m in mail.outbox] == ["Referat godkendt: Rådmandsmøde 6. marts 2023"]
    assert f"http://testserver/moeder/{minutes_meeting.pk}/" in mail.outbox[0].body


def test_attendance_is_saved_and_a_stale_form_is_a_conflict(secretary_client, minutes_meeting,
                                                           member, secretary):
    away = make_user("bo", first_name="Bo", last_name="Bort")
    minutes_meeting.series.members.add(away)
    response = htmx(secretary_client, url("attendance", minutes_meeting.pk), {
        f"fremmoede-{member.pk}": "present", f"version-{member.pk}": "",
        f"fremmoede-{away.pk}": "absent", f"version-{away.pk}": "",
        "minute_taker": secretary.pk, "guests": "Mia Holgaard\n\nKristian Dalsgaard",
        "version": minutes_meeting.version})
    assert response.status_code == 200
    assert "Fremmødet er gemt." in response.content.decode()
    assert dict(Attendance.objects.values_list("user__username", "status")) == {
        "medlem": "present", "bo": "absent"}
    minutes_meeting.refresh_from_db()
    assert minutes_meeting.guests == "Mia Holgaard\nKristian Dalsgaard"
    assert minutes_meeting.minute_taker == secretary
    stale = htmx(secretary_client, url("attendance", minutes_meeting.pk), {
        f"fremmoede-{away.pk}": "present", f"version-{away.pk}": "",
        "version": minutes_meeting.version})
    assert stale.status_code == 409
    assert "ændret af en anden" in stale.content.decode()
    assert Attendance.objects.get(user=away).status == "absent"


def test_item_attendance_records_guests_absence_and_inhabil(secretary_client, minutes_meeting,
                                                            member):
    item = minutes_meeting.items.get(title="Klimaplan i MSB")
    response = htmx(secretary_client, url("item_attendance", item.pk), {
        "guests": "Mia Holgaard", f"fremmoede-{member.pk}": "inhabil",
        f"version-{member.pk}": "", "item_version": item.version})
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.guests == "Mia Holgaard"
    assert item.attendance.get().kind == "inhabil"


def test_the_minutes_steps_approve_publish_and_reopen_with_a_reason(
        secretary_client, minutes_meeting, member, django_capture_on_commit_callbacks):
    member.email = "mette@example.org"
    member.save()
    step = url("minutes_step", minutes_meeting.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(step, {"step": "approve"}, follow=True)
    assert "Referatet er godkendt og låst." in response.content.decode()
    assert "Genåbn referatet, så det kan rettes" in response.content.decode()
    assert "Referatet af mødet 06-03-2023 er godkendt" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        secretary_client.post(step, {"step": "publish"})
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Referat godkendt",
                                                             "Referat offentliggjort"]
    no_reason = secretary_client.post(step, {"step": "reopen", "reason": " "}, follow=True)
    assert "Skriv, hvorfor mødet genåbnes" in no_reason.content.decode()
    secretary_client.post(step, {"step": "reopen", "reason": "Forkert frist i punkt 3"})
    minutes_meeting.refresh_from_db()
    assert minutes_meeting.status == Meeting.Status.MINUTES_DRAFT
    page = secretary_client.get(url("minutes_editor", minutes_meeting.pk)).content.decode()
    assert "Begrundelse: Forkert frist i punkt 3" in page


def test_without_javascript_a_form_post_comes_back_to_the_item(secretary_client,
                                                               minutes_meeting):
    item = minutes_meeting.items.get(title="Dagsorden")
    response = secretary_client.post(url("point_add", item.pk), {
        "text": "Godkendt.", "outcome": "godkendt"}, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"#referat-punkt-{item.pk}")
    assert "Punkt 1) er tilføjet." in response.content.decode()
    refused = secretary_client.post(url("point_add", item.pk), {"text": "", "outcome": "x"},
                                    follow=True)
    assert "Vælg et udfald fra listen." in refused.content.decode()


def test_the_phrases_page_edits_the_series_list(secretary_client, series):
    page = secretary_client.get(url("phrases", series.pk))
    assert page.status_code == 200 and 'value="Intet at bemærke."' in page.content.decode()
    seen = page.context["seen"]
    response = secretary_client.post(url("phrases", series.pk), {
        "seen": seen, "text": ["Godkendt.", "Taget til efterretning.", ""],
        "outcome": ["godkendt", "taget_til_efterretning", "godkendt"]}, follow=True)
    assert "Standardteksterne er gemt." in response.content.decode()
    assert [p.text for p in series.phrases.all()] == ["Godkendt.", "Taget til efterretning."]
    stale = secretary_client.post(url("phrases", series.pk), {
        "seen": seen, "text": ["Min liste."], "outcome": ["godkendt"]})
    assert stale.status_code == 409
    body = stale.content.decode()
    assert "ændret af en anden" in body and 'value="Min liste."' in body
    assert "Taget til efterretning." in body, "the newer list is shown beside"


def test_malformed_posts_get_a_4xx_not_a_500(secretary_client, minutes_meeting):
    item = minutes_meeting.items.get(title="Klimaplan i MSB")
    assert htmx(secretary_client, url("point_add", item.pk),
                {"recommendation": "abc"}).status_code == 404
    assert htmx(secretary_client, url("point_add", item.pk), {"phrase": "99"}).status_code == 422
    assert secretary_client.post(url("decision_text", item.pk), {
        "text": "<p>x</p>", "client": "s", "seq": 1}).status_code == 400, "no version"
    assert htmx(secretary_client, url("minutes_item", item.pk),
                {"numbering": "roman"}).status_code == 422
    assert secretary_client.post(url("minutes_step", minutes_meeting.pk),
                                 {"step": "skip"}).status_code == 302
    assert htmx(secretary_client, url("attendance", minutes_meeting.pk),
                {"minute_taker": "x", "version": "y"}).status_code == 422
