"""Rich text is cleaned with nh3 when it is stored and again when it is shown, so script never
reaches the meeting page, even from a row written around the forms."""

import re

import pytest

from agendas.models import AgendaItem, MemoSection, SubItem
from decisions.models import Decision
from meetings.models import Meeting
from tests.factories import make_item, make_meeting, make_memo_template

pytestmark = pytest.mark.django_db

PAYLOAD = ('<p>Klimaplanen for MSB</p><script>alert("xss-script")</script>'
           '<img src="x" onerror="alert(\'xss-onerror\')">'
           '<a href="javascript:alert(\'xss-href\')">Læs mere</a>'
           '<p onclick="alert(\'xss-onclick\')">Godkendt</p>')
DANGEROUS = ["xss-script", "xss-onerror", "xss-href", "xss-onclick", "javascript:", "onerror",
             "onclick", "<img"]


@pytest.fixture
def item(series):
    meeting = make_meeting(series, status=Meeting.Status.MINUTES_APPROVED)
    item = make_item(meeting, title="Klimaplan i MSB", memo_template=make_memo_template())
    SubItem.objects.create(item=item, letter="A", position=1, title="Transport")
    Decision.objects.create(item=item)
    return item


RICH_TEXT_FIELDS = {
    "item text": (AgendaItem, "text", lambda item: item),
    "sub-item text": (SubItem, "text", lambda item: item.sub_items.get()),
    "memo section": (MemoSection, "body",
                     lambda item: item.memo_sections.get(title="SAGSFREMSTILLING")),
    "decision text": (Decision, "text", lambda item: item.decision),
}


def _meeting_page(client, user, item) -> str:
    client.force_login(user)
    response = client.get(item.meeting.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("field", RICH_TEXT_FIELDS)
def test_rich_text_saved_through_validation_is_stored_clean(item, field):
    _model, name, get = RICH_TEXT_FIELDS[field]
    row = get(item)
    setattr(row, name, PAYLOAD)
    row.full_clean()
    row.save()
    row.refresh_from_db()

    stored = getattr(row, name)
    assert "<script" not in stored
    assert not [marker for marker in DANGEROUS if marker in stored]
    assert "<p>Klimaplanen for MSB</p>" in stored
    assert ">Læs mere</a>" in stored


@pytest.mark.parametrize("field", RICH_TEXT_FIELDS)
def test_script_written_around_validation_never_reaches_the_meeting_page(
        client, secretary, item, field):
    model, name, get = RICH_TEXT_FIELDS[field]
    model.objects.filter(pk=get(item).pk).update(**{name: PAYLOAD})

    page = _meeting_page(client, secretary, item)

    assert "Klimaplanen for MSB" in page, "the harmless text is still shown"
    assert "Læs mere" in page
    assert not [marker for marker in DANGEROUS if marker in page]
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts and all('src="/static/' in tag for tag in scripts), "only ours, from static/"


def test_links_in_rich_text_open_safely(client, secretary, item):
    AgendaItem.objects.filter(pk=item.pk).update(
        text='<p><a href="https://www.aarhus.dk/" target="_blank">Aarhus</a></p>')

    page = _meeting_page(client, secretary, item)

    assert '<a href="https://www.aarhus.dk/" rel="noopener noreferrer">Aarhus</a>' in page
