"""The rich text editor of the memo: text pasted from Word keeps its paragraphs and lists, and
what is stored is the sanitised subset (no Word styles, no script)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from agendas.models import MemoSection
from agendas.services import agenda_item_create, meeting_create
from meetings.models import Meeting, MemoTemplate
from tests.e2e.conftest import log_in
from tests.e2e.test_agenda_builder import committed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

WORD = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>'
        '<p class="MsoNormal" style="mso-margin-top-alt:auto">Første afsnit &amp; mere'
        '<o:p></o:p></p><p class="MsoNormal">Andet afsnit</p>'
        '<ul style="margin-top:0cm"><li class="MsoListParagraph">Et punkt</li>'
        '<li class="MsoListParagraph">Et andet punkt</li></ul>'
        '<script>alert("x")</script></body></html>')


@pytest.fixture
def item_with_memo(site):
    series = site.meetings["2023-09-11"].series

    def build():
        meeting = meeting_create(series=series, date=dt.date(2030, 2, 4))
        return agenda_item_create(meeting=meeting, title="Klimaplan",
                                  memo_template=MemoTemplate.objects.get(layout="A"))

    item = committed(build)
    yield item
    committed(lambda: Meeting.objects.filter(pk=item.meeting_id).delete())


def test_text_pasted_from_word_keeps_paragraphs_and_lists(page, item_with_memo):
    item = item_with_memo
    log_in(page, "sekretaer")
    page.goto(f"/moeder/{item.meeting_id}/rediger/")
    box = page.locator(f"#item-{item.pk}")
    box.locator("summary").click()
    box.get_by_role("link", name="Rediger indstillingen").click()
    editor = box.locator("trix-editor").first
    expect(editor).to_be_visible()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("""async (html) => {
        await navigator.clipboard.write([new ClipboardItem({
            "text/html": new Blob([html], {type: "text/html"}),
            "text/plain": new Blob(["Første afsnit & mere"], {type: "text/plain"})})]);
    }""", WORD)
    editor.click()
    page.keyboard.press("Control+V")
    expect(editor.locator("li")).to_have_count(2)
    box.get_by_role("button", name="Gem indstillingen", exact=True).last.click()
    expect(box.get_by_role("link", name="Rediger indstillingen")).to_be_visible()
    body = committed(lambda: MemoSection.objects.get(item_id=item.pk,
                                                     title="SAGSFREMSTILLING").body)
    assert "<p>Første afsnit &amp; mere</p>" in body
    assert "<p>Andet afsnit</p>" in body
    assert "<ul><li>Et punkt</li><li>Et andet punkt</li></ul>" in body
    assert "Mso" not in body and "style" not in body and "script" not in body
