"""What the minute taker records, as the minutes page and PDF show it: "Punkt N: Title (N
min)", the decision points (numbered even alone, when chosen), the discussion, the
follow-ups with owner and due date, attendance and who was away or "Inhabil"; and the page's
heading is "Referat" once the minutes are approved."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from decisions.services import (
    Mark,
    attendance_update,
    decision_set_numbering,
    decision_text_autosave,
    follow_up_create,
    item_attendance_update,
    minutes_approve,
    point_add,
)
from meetings.models import Meeting
from tests.documents.pdftext import missing_in_order, pdf_text
from tests.factories import make_item, make_meeting, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def september(series, secretary, member):
    """4 September 2023, items 2-4 of the seed's minutes (000, lines 1-52), recorded through
    the services as the minute taker's screen does."""
    series.minutes_form = "short"
    series.save()
    away = make_user("lotte", first_name="Lotte", last_name="Henriksen")
    series.members.add(away)
    meeting = make_meeting(series, date=dt.date(2023, 9, 4), items=["Dagsorden", "Referat"],
                           status=Meeting.Status.MINUTES_DRAFT)
    senior = make_item(meeting, title="Orientering om resultater fra senioranalyse 2023",
                       minutes=10)
    rv = make_item(meeting, title="Status på udrulning af relationel velfærd", minutes=20,
                   guests="Ruth Lehm\nMette Lybeck")
    point_add(item=meeting.items.get(title="Dagsorden"), text="Godkendt.", outcome="godkendt")
    point_add(item=senior, text="Rådmanden tog orienteringen til efterretning.",
              outcome="taget_til_efterretning")
    decision_set_numbering(item=senior, numbering="numbered", expected_version=1)
    decision_text_autosave(item=senior, text="<p>Stabschef Jeanette Hoppe orienterede om "
                           "resultaterne af den nye senioranalyse.</p>", expected_version=2,
                           client="side", seq=1)
    point = point_add(item=rv, text="Rådmanden tog statussen til efterretning.",
                      outcome="taget_til_efterretning")
    decision_set_numbering(item=rv, numbering="numbered", expected_version=1)
    decision_text_autosave(item=rv, text="<p>Driftschef Ruth Lehm gav en status.</p><ul><li>"
                           "At det går for stærkt.</li></ul><p>FAS følger op.</p>",
                           expected_version=2, client="side", seq=2)
    follow_up_create(decision=point.decision, description="Et kort bud på pitch om RV.",
                     owner_unit="FAS", due_date=dt.date(2023, 10, 2))
    attendance_update(meeting=meeting, marks=[Mark(member.pk, "present", None),
                                              Mark(away.pk, "absent", None)],
                      expected_version=meeting.version, fields={"minute_taker": secretary})
    item_attendance_update(item=rv, marks=[Mark(member.pk, "inhabil", None)])
    return meeting


def test_the_pdf_prints_the_minutes_as_the_seed_does(september, secretary):
    client = Client()
    client.force_login(secretary)
    response = client.get(reverse("documents:minutes", args=[september.pk]))
    assert response.status_code == 200
    text = pdf_text(b"".join(response.streaming_content))
    assert missing_in_order(text, [
        "Referat",
        "Deltagere: Mette Medlem.", "Afbud: Lotte Henriksen.", "Referent: Mads Sekretær.",
        "Punkt 1: Dagsorden", "Godkendt.",
        "Punkt 3: Orientering om resultater fra senioranalyse 2023 (10 min)",
        "1) Rådmanden tog orienteringen til efterretning.",
        "Stabschef Jeanette Hoppe orienterede om resultaterne af den nye senioranalyse.",
        "Punkt 4: Status på udrulning af relationel velfærd (20 min)",
        "Følgende gæster deltager under punktet:", "Ruth Lehm", "Mette Lybeck",
        "Inhabil: Mette Medlem.",
        "1) Rådmanden tog statussen til efterretning.",
        "Driftschef Ruth Lehm gav en status.", "At det går for stærkt.", "FAS følger op.",
        "Opfølgning:", "FAS: Et kort bud på pitch om RV. (frist 2/10/2023)",
    ]) == []
    assert "1) Godkendt." not in text


def test_the_page_says_referat_once_approved_and_shows_who_came(september, secretary, member):
    client = Client()
    client.force_login(member)
    assert client.get(september.get_absolute_url()).status_code == 200
    minutes_approve(meeting=september, by=secretary)
    page = client.get(september.get_absolute_url()).content.decode()
    assert '<h2 id="dagsorden-overskrift">Referat</h2>' in page
    assert "<dt>Deltagere</dt><dd>Mette Medlem</dd>" in page
    assert "<dt>Afbud</dt><dd>Lotte Henriksen</dd>" in page
    assert "<dt>Inhabil</dt><dd>Mette Medlem</dd>" in page
    assert missing_in_order(page, [
        "Punkt 3: Orientering om resultater fra senioranalyse 2023",
        '<span class="point-label">1)</span> Rådmanden tog orienteringen til efterretning.',
        "Stabschef Jeanette Hoppe orienterede",
        "Punkt 4: Status på udrulning af relationel velfærd",
        "Rådmanden tog statussen til efterretning.", "Driftschef Ruth Lehm gav en status.",
        "<strong>FAS</strong>: Et kort bud på pitch om RV.", "frist 2/10/2023",
    ]) == []


def test_before_approval_members_see_neither_the_minutes_nor_the_attendance(september,
                                                                            member):
    client = Client()
    client.force_login(member)
    page = client.get(september.get_absolute_url()).content.decode()
    assert '<h2 id="dagsorden-overskrift">Dagsorden</h2>' in page
    assert "Rådmanden tog orienteringen" not in page
    assert "Afbud" not in page and "Inhabil" not in page
