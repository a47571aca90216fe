"""The histories of a decision (its points as one document), a meeting, a follow-up; a
decision restored; one history row per edit through the pages, with the acting user."""

import pytest

from agendas.models import Attachment, MemoSection
from decisions.models import Decision, DecisionPoint, FollowUp
from meetings.models import Meeting
from tests.factories import make_attachment, make_decision, make_item, make_memo_template

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def signed_in(client, secretary):
    client.force_login(secretary)
    return client


@pytest.fixture
def minutes_meeting(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.MINUTES_DRAFT)
    meeting.refresh_from_db()
    return meeting


def test_a_decision_restore_brings_back_its_text_and_points(signed_in, minutes_meeting,
                                                             secretary):
    item = make_item(minutes_meeting, title="Klimaplan")
    decision = make_decision(item, text="<p>Drøftet grundigt.</p>",
                             points=[("Godkendt.", "godkendt", []),
                                     ("Taget til efterretning.", "taget_til_efterretning", [])])
    good = DecisionPoint.history.filter(decision_id=decision.pk).latest("history_date")
    # Then the minute taker rewrites it: one point goes, the text changes.
    DecisionPoint.objects.filter(decision=decision, number=2).delete()
    Decision.objects.get(pk=decision.pk)
    from decisions.services import decision_update
    decision_update(decision=decision, expected_version=None, fields={"text": "<p>Kort.</p>"})
    page = signed_in.get(f"/beslutninger/{decision.pk}/historik/sammenlign/?til=p"
                         f"{good.history_id}").content.decode()
    assert "Beslutningspunkter" in page
    response = signed_in.post(f"/beslutninger/{decision.pk}/historik/gendan/", {
        "version": f"p{good.history_id}", "reason": "Punkt 2 var rigtigt"})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.text == "<p>Drøftet grundigt.</p>"
    assert [(p.number, p.text) for p in decision.points.order_by("number")] == [
        (1, "Godkendt."), (2, "Taget til efterretning.")]
    latest = Decision.history.filter(id=decision.pk).latest("history_date")
    assert (latest.history_change_reason, latest.history_user) == ("Punkt 2 var rigtigt",
                                                                   secretary)


def test_meeting_and_follow_up_histories_show_their_versions(signed_in, minutes_meeting):
    item = make_item(minutes_meeting, title="Klimaplan")
    decision = make_decision(item, follow_ups=[("FAS følger op", "FAS")])
    follow_up = FollowUp.objects.get(decision=decision)
    for url in (f"/moeder/{minutes_meeting.pk}/historik/",
                f"/moeder/{minutes_meeting.pk}/historik/sammenlign/",
                f"/opfoelgninger/{follow_up.pk}/historik/",
                f"/opfoelgninger/{follow_up.pk}/historik/sammenlign/",
                f"/beslutninger/{decision.pk}/historik/"):
        response = signed_in.get(url)
        assert response.status_code == 200, url
    assert "FAS følger op" in signed_in.get(
        f"/opfoelgninger/{follow_up.pk}/historik/").content.decode()
    assert f"/beslutninger/{decision.pk}/historik/" in signed_in.get(
        f"/punkter/{item.pk}/historik/").content.decode()


def _rows(model, **filters):
    return model.history.filter(**filters).order_by("-history_date")


@pytest.mark.parametrize("edit", ["item", "meeting", "memo_section", "attachment",
                                  "follow_up"])
def test_each_edit_through_the_pages_writes_one_history_row_by_the_acting_user(
        signed_in, meeting, secretary, edit):
    item = make_item(meeting, title="Klimaplan", memo_template=make_memo_template())
    if edit == "item":
        url, data, model, filters = (f"/punkter/{item.pk}/rediger/",
                                     {"title": "Ny titel", "version": item.version,
                                      "method": ""}, type(item), {"id": item.pk})
    elif edit == "meeting":
        url = f"/moeder/{meeting.pk}/rediger/moede/"
        data = {"title": "Ekstraordinært", "date": meeting.date.strftime("%d-%m-%Y"),
                "start_time": "11:00", "version": meeting.version}
        model, filters = Meeting, {"id": meeting.pk}
    elif edit == "memo_section":
        section = item.memo_sections.get(title="SAGSFREMSTILLING")
        data = {"version": item.version, "memo_template": item.memo_template_id,
                "memo_title": "", "sending_unit": "", "memo_date": "", "case_officer": "",
                "case_officer_phone": "", "case_officer_email": "", "handling": "gem"}
        for s in item.memo_sections.all():
            data[f"section-{s.pk}"] = "<p>Ny tekst</p>" if s.pk == section.pk else s.body
            data[f"section-{s.pk}__format"] = "html"
            data[f"section-{s.pk}-version"] = s.version
        url, model, filters = f"/punkter/{item.pk}/indstilling/", MemoSection, {
            "item_id": item.pk}
    elif edit == "attachment":
        attachment = make_attachment(item, text="Bilag", title="Bilag")
        url = f"/bilag/{attachment.pk}/rediger/"
        data = {"title": "Omdøbt", "version": attachment.version}
        model, filters = Attachment, {"id": attachment.pk}
    else:
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.MINUTES_DRAFT)
        decision = make_decision(item, follow_ups=[("FAS følger op", "FAS")])
        follow_up = FollowUp.objects.get(decision=decision)
        url = f"/opfoelgninger/{follow_up.pk}/"
        data = {"description": "FAS følger op igen", "owner_unit": "FAS", "owner_user": "",
                "due_date": "", "version": follow_up.version}
        model, filters = FollowUp, {"id": follow_up.pk}
    before = _rows(model, **filters).count()
    response = signed_in.post(url, data, **HTMX)
    assert response.status_code in (200, 204), response.content.decode()[:800]
    rows = _rows(model, **filters)
    assert rows.count() == before + 1
    assert rows[0].history_user == secretary


def test_typing_autosaved_in_one_go_is_one_version_in_the_history(signed_in, minutes_meeting,
                                                                  secretary):
    from decisions.services import decision_text_autosave

    item = make_item(minutes_meeting, title="Klimaplan")
    version = 0
    for seq, text in enumerate(["<p>Ø</p>", "<p>Økonomi</p>", "<p>Økonomichef gav ordet.</p>"],
                               start=1):
        version = decision_text_autosave(item=item, text=text, expected_version=version,
                                         client="side-1", seq=seq, by=secretary).instance.version
    decision = Decision.objects.get(item=item)
    page = signed_in.get(f"/beslutninger/{decision.pk}/historik/").content.decode()
    assert "1 version<" in page
    assert "Gemt automatisk, mens der blev skrevet" in page
    assert ">autosave<" not in page
