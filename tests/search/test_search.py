"""The search page: Danish word forms, ranking, snippets, filters, pages, the htmx answer and
bad input. Who finds what is in test_search_access.py."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from agendas.models import MemoSection
from agendas.services import agenda_item_update
from decisions.models import Decision
from meetings.models import Meeting
from tests.factories import (
    make_attachment,
    make_decision,
    make_item,
    make_meeting,
    make_memo_template,
    make_recommendations,
    make_series,
    unlocked,
)

pytestmark = pytest.mark.django_db
URL = reverse("search")
# Marks from ts_headline, the 500-hit cut and the query count are PostgreSQL's search; the
# embedded SQLite default (`make test` without a PostgreSQL) has the simpler substring search.
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql",
                                   reason="PostgreSQL's full-text search")


def get(client, marks=False, **params):
    """The page; without its <mark>s unless `marks`."""
    response = client.get(URL, params)
    assert response.status_code == 200
    page = response.content.decode()
    return page if marks else unmarked(page)


def unmarked(page: str) -> str:
    return page.replace("<mark>", "").replace("</mark>", "")


@pytest.fixture
def published(series):
    """A published meeting with Danish texts in every place search reads."""
    meeting = make_meeting(series, status=Meeting.Status.PUBLISHED, date=dt.date(2023, 9, 4),
                           information="<p>Mødet holdes i Rådhuset.</p>")
    klima = make_item(meeting, title="Klimaplan for MSB", memo_template=make_memo_template(),
                      text="<p>Flere medarbejdere skal bruge cykler i arbejdstiden.</p>")
    section = klima.memo_sections.get(title="SAGSFREMSTILLING")
    with unlocked(meeting):
        MemoSection.objects.filter(pk=section.pk).update(
            body="<p>Forvaltningen foreslår ladcykler til hjemmeplejen.</p>")
    make_recommendations(klima, "at rådmanden godkender handlingsplanen")
    make_item(meeting, title="Status for Ungeudvalget")
    make_item(meeting, title="Godkendelse af dagsorden")
    make_item(meeting, title="Orientering om nye dagsordener")
    with unlocked(meeting):
        make_decision(klima, text="<p>Rådmanden godkendte planen med bemærkninger.</p>",
                      follow_ups=[("Økonomi melder tilbage om budgettet", "FAS")])
        make_attachment(klima, text="Bilaget beskriver elbiler og delebiler", title="Notat")
    return meeting


@pytest.mark.parametrize(("query", "finds"), [
    ("klimaplanen", "Klimaplan for MSB"),
    ("cykel", "Klimaplan for MSB"),
    ("udvalg", "Ungeudvalget"),
    ("dagsordener", "Godkendelse af <mark>dagsorden</mark>"),
    pytest.param("dagsorden", "Orientering om nye <mark>dagsordener</mark>", marks=postgres_only),
    ("handlingsplan", "Klimaplan for MSB"),
    ("delebiler", "Notat"),
    ("budgettet", "Økonomi melder tilbage om <mark>budgettet</mark>"),
    ("godkendte bemærkninger", "<mark>godkendte</mark> planen med <mark>bemærkninger</mark>"),
])
def test_danish_word_forms_and_compounds_are_found(published, query, finds):
    assert finds in get(Client(), marks="<mark>" in finds, q=query)


@postgres_only
def test_the_words_found_are_marked_and_everything_else_escaped(series):
    meeting = make_meeting(series, status=Meeting.Status.PUBLISHED)
    make_item(meeting, title="<script>alert(1)</script> Klimaplan",
              text="<p>&lt;b&gt;fed&lt;/b&gt; om klimaplanen</p>")
    page = get(Client(), marks=True, q="klimaplan")

    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Klimaplan</mark>" in page
    assert "&lt;b&gt;fed&lt;/b&gt; om <mark>klimaplanen</mark>" in page


def test_a_title_hit_ranks_above_a_hit_in_an_attachment(series):
    meeting = make_meeting(series, status=Meeting.Status.PUBLISHED)
    other = make_item(meeting, title="Diverse")
    make_attachment(other, text="Her nævnes busdriften en enkelt gang", title="Bilag om alt")
    make_item(meeting, title="Busdriften i 2024")
    page = get(Client(), marks=True, q="busdriften")

    assert page.index("<mark>Busdriften</mark> i 2024") < page.index("Bilag om alt")


def test_filters_by_series_date_and_kind(published, series, secretary):
    other_series = make_series(name="Direktionsmøder", secretariat=[secretary])
    other = make_meeting(other_series, status=Meeting.Status.PUBLISHED, date=dt.date(2024, 1, 8))
    make_item(other, title="Klimaplan for direktionen")
    client = Client()

    assert "direktionen" in get(client, q="klimaplan")
    assert "direktionen" not in get(client, q="klimaplan", serie=series.pk)
    assert "direktionen" in get(client, q="klimaplan", serie=other_series.pk)
    assert "direktionen" not in get(client, q="klimaplan", til="2023-12-31")
    page = get(client, q="klimaplan", fra="2024-01-01")
    assert "direktionen" in page and "Klimaplan for MSB" not in page
    assert "Notat" in get(client, q="delebiler", type="attachment")
    assert "Notat" not in get(client, q="delebiler", type="item")


@pytest.mark.parametrize("params", [
    {"serie": "abc"}, {"serie": "999999"}, {"fra": "2023-13-45"}, {"til": "i går"},
    {"type": "alt"}, {"side": "-1"}, {"side": "x"},
])
def test_a_bad_filter_value_is_left_out_with_a_danish_message(published, params):
    page = get(Client(), q="klimaplan", **params)

    assert "Klimaplan for MSB" in page
    assert 'class="messages search-notices"' in page


@pytest.mark.parametrize("query", [
    '"klimaplan', "klimaplan'", "klima & | ! : * ( ) plan", "klimaplan:*", "!klimaplan",
    "' OR 1=1; DROP TABLE search_searchentry; --", "klimaplan\x00", "\x00\x01\x1f\x7f",
    "klimaplan" + "\u200b" * 3, "<>&\"'", "x" * 10_000, "klimaplan " * 2_000, "&", "(",
])
def test_odd_input_answers_normally(published, query):
    page = get(Client(), q=query)

    assert 'id="search-count"' in page


def test_a_very_long_query_is_cut_with_a_message(published):
    page = get(Client(), q="klimaplan " + "x" * 10_000)

    assert "Søgningen var for lang og er forkortet til de første 200 tegn." in page
    assert "Klimaplan for MSB" not in page  # the long word is still looked for
    assert "Klimaplan for MSB" in get(Client(), q="klimaplan " * 30)


@postgres_only
def test_words_that_are_too_common_say_so(published):
    assert "Ordene er for almindelige" in get(Client(), q="og i at")


def test_no_query_shows_the_form_alone(published):
    page = get(Client())
    assert '<label for="search-q">' in page and "resultat" not in page


def test_the_htmx_answer_is_the_results_with_the_count(published):
    response = Client().get(URL, {"q": "klimaplan"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<html" not in html and "Klimaplan for MSB" in unmarked(html)
    assert '<div id="search-count" data-hx-swap-oob="innerHTML">' in html
    assert html.startswith("<title>Søgning: klimaplan · Referat</title>")
    assert "HX-Request" in response["Vary"]


def test_back_to_an_htmx_search_gets_the_whole_page(published):
    """htmx restores a pushed search from the server with HX-Request set as well."""
    response = Client().get(URL, {"q": "klimaplan"}, HTTP_HX_REQUEST="true",
                            HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    html = response.content.decode()

    assert "<html" in html and 'role="search"' in html and "Klimaplan for MSB" in unmarked(html)
    assert "HX-History-Restore-Request" in response["Vary"]


def test_the_full_page_announces_the_count_and_labels_its_fields(published):
    page = get(Client(), q="klimaplan")

    assert 'id="search-count" class="search-count" role="status">' in page
    for field in ("search-q", "search-serie", "search-fra", "search-til", "search-type"):
        assert f'<label for="{field}">' in page and f'id="{field}"' in page
    assert 'role="search"' in page


def test_results_come_in_pages(series):
    meeting = make_meeting(series, status=Meeting.Status.PUBLISHED)
    for n in range(25):
        make_item(meeting, title=f"Vejarbejde nummer {n}")
    first = get(Client(), q="vejarbejde")
    second = get(Client(), q="vejarbejde", side=2)

    assert "25 resultater" in first and "side 1 af 2" in first
    assert first.count('class="search-hit"') == 20 and second.count('class="search-hit"') == 5
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert '<ol class="search-hits" start="21">' in second


def test_an_edit_is_found_at_once(published):
    item = published.items.get(title="Status for Ungeudvalget")
    with unlocked(published):
        agenda_item_update(item=item, expected_version=item.version,
                           fields={"title": "Status for Seniorrådet"})

    assert "Seniorrådet" in get(Client(), q="seniorrådet")
    assert "Ungeudvalget" not in get(Client(), q="ungeudvalget")


def test_the_result_links_to_the_item_on_the_meeting_page(published):
    item = published.items.get(title="Klimaplan for MSB")
    page = get(Client(), q="klimaplan")

    assert f'href="/moeder/{published.pk}/#punkt-{item.number}"' in page


def test_the_substring_search_of_sqlite_finds_and_marks(published, monkeypatch):
    """The embedded SQLite's search, run here through its own code path."""
    from types import SimpleNamespace

    from search import query

    monkeypatch.setattr(query, "connection", SimpleNamespace(vendor="sqlite"))
    page = get(Client(), marks=True, q="ladcykler")
    assert "Klimaplan for MSB" in page and "<mark>ladcykler</mark>" in page
    assert "Ungeudvalget" in get(Client(), q="udvalg")
    assert "Klimaplan for MSB" in get(Client(), q="klimaplanen")
    assert "Klimaplan for MSB" in get(Client(), q="cykel")
    assert "Godkendelse af dagsorden" in get(Client(), q="dagsordener")


@postgres_only
def test_search_costs_a_fixed_number_of_queries(published, django_assert_num_queries, member):
    client = Client()
    client.force_login(member)
    get(client, q="klimaplan")  # the entries are written on the first search
    # session, user, roles, stale meetings, series for the filter, word forms, count, page
    # ids, page rows
    with django_assert_num_queries(9):
        get(client, q="klimaplan cykel")


def test_decisions_are_found_once_the_minutes_are_approved(series, member):
    meeting = make_meeting(series, status=Meeting.Status.MINUTES_DRAFT)
    item = make_item(meeting, title="Trafiksikkerhed")
    make_decision(item, text="<p>Vejdirektoratet kontaktes.</p>")
    client = Client()
    client.force_login(member)

    assert "Vejdirektoratet" not in get(client, q="vejdirektoratet")
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.MINUTES_APPROVED)
    assert "<mark>Vejdirektoratet</mark>" in get(client, marks=True, q="vejdirektoratet")
    assert Decision.objects.count() == 1


def test_an_edit_elsewhere_in_the_meeting_leaves_a_bilag_entry_as_it_was(published):
    """A Bilag's text is read into the index again only when the Bilag changed."""
    from search.models import SearchEntry

    get(Client(), q="delebiler")
    attachment = SearchEntry.objects.get(kind="attachment", title="Notat")
    item = published.items.get(title="Status for Ungeudvalget")
    with unlocked(published):
        agenda_item_update(item=item, expected_version=item.version,
                           fields={"title": "Status for Seniorrådet"})

    assert "Notat" in get(Client(), q="delebiler") and "Seniorrådet" in get(Client(),
                                                                            q="seniorrådet")
    assert SearchEntry.objects.get(kind="attachment", title="Notat").pk == attachment.pk
