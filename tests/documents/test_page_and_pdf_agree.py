"""The meeting page and the PDFs show a memo and a decision from one partial each, so for every
demo memo the page's text is the PDF's text: the same sections in the same order, template
B's numbered headings ("1. Resume"), its "Det indstilles:" and template A's "Det indstilles,".
"""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from documents import services
from documents.pdf import store
from meetings.models import Meeting
from reading.content import minutes_available
from tests.documents.htmltext import element_lines
from tests.documents.pdftext import missing_in_order, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DATES = ("2023-03-06", "2023-03-13", "2023-09-04", "2023-09-11", "2023-09-20")


@pytest.fixture(scope="module")
def demo(module_db):
    call_command("load_demo", stdout=io.StringIO())
    secretary = User.objects.get(username="sekretaer")
    memos, minutes = {}, {}
    for date in DATES:
        meeting = Meeting.objects.select_related("series").get(date=date)
        for item in meeting.items.filter(memo_template__isnull=False):
            memos[(date, item.number)] = (
                item.memo_template.layout,
                pdf_text(store.read(services.memo_pdf(item=item, user=secretary))))
        if minutes_available(meeting, secretary, public=False):
            minutes[date] = pdf_text(store.read(services.minutes_pdf(
                meeting=meeting, user=secretary, form="with_agenda")))
    return secretary, memos, minutes


def page(client, user, date) -> str:
    client.force_login(user)
    meeting = Meeting.objects.get(date=date)
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def memo_lines(html: str) -> dict[int, list[str]]:
    numbers = []

    def picks(tag, attributes):
        if tag == "div" and "memo-sections" in attributes.get("class", "").split():
            numbers.append(int(attributes["data-item"]))
            return True
        return False

    return dict(zip(numbers, element_lines(html, picks), strict=True))


def test_every_demo_meeting_has_memos_of_both_templates(demo):
    _secretary, memos, _minutes = demo
    assert {layout for layout, _text in memos.values()} == {"A", "B"}


@pytest.mark.parametrize("date", DATES)
def test_the_page_shows_each_memo_as_its_pdf_does(client, demo, date):
    secretary, memos, _minutes = demo
    shown = memo_lines(page(client, secretary, date))
    expected = {number for (memo_date, number) in memos if memo_date == date}
    assert set(shown) == expected
    for number, lines in shown.items():
        layout, text = memos[(date, number)]
        assert lines, number
        assert missing_in_order(text, lines) == [], f"Punkt {number}"
        intro = "Det indstilles:" if layout == "B" else "Det indstilles,"
        other = "Det indstilles," if layout == "B" else "Det indstilles:"
        if any(line.startswith("Det indstilles") for line in lines):
            assert intro in lines and other not in lines
            assert intro in text and other not in text
        if layout == "B":
            assert lines[0].startswith("1. ") and "\n" + lines[0] in "\n" + text


@pytest.mark.parametrize("date", DATES)
def test_the_page_shows_each_decision_as_the_minutes_do(client, demo, date):
    secretary, _memos, minutes = demo
    if date not in minutes:
        pytest.skip("no minutes yet")
    html = page(client, secretary, date)
    decisions = element_lines(
        html, lambda tag, attributes: tag == "section"
        and "decision" in attributes.get("class", "").split(),
        # how far a follow-up has come is the page's news, not the minutes' record
        skip=lambda tag, attributes: "muted" in attributes.get("class", "").split())
    assert decisions
    for lines in decisions:
        assert lines[0].startswith("Beslutning for Punkt")
        assert missing_in_order(minutes[date], lines) == [], lines[0]
