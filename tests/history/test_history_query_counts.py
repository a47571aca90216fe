"""The history page of an item costs the same number of queries with 10 versions as with
1,000: the versions are one UNION read a page at a time."""

import datetime as dt

import pytest
from django.utils import timezone

from agendas.models import AgendaItem, MemoSection
from tests.factories import make_item, make_memo_template

pytestmark = pytest.mark.django_db


def with_versions(meeting, user, count: int) -> AgendaItem:
    """An item with memo sections and `count` versions in all (its own and its sections')."""
    item = make_item(meeting, title="Klimaplan", memo_template=make_memo_template())
    History = AgendaItem.history.model
    SectionHistory = MemoSection.history.model
    first = AgendaItem.history.filter(id=item.pk).earliest("history_date")
    section = item.memo_sections.first()
    section_row = MemoSection.history.filter(id=section.pk).earliest("history_date")
    existing = (AgendaItem.history.filter(id=item.pk).count()
                + MemoSection.history.filter(item_id=item.pk).count())
    start = timezone.now()
    own, of_sections = [], []
    for n in range(count - existing):
        when = start + dt.timedelta(seconds=n)
        if n % 3:
            row = History(**{f.attname: getattr(first, f.attname)
                             for f in History._meta.concrete_fields if f.attname != "history_id"})
            row.title, row.history_type = f"Klimaplan v{n}", "~"
            own.append(row)
        else:
            row = SectionHistory(**{f.attname: getattr(section_row, f.attname)
                                    for f in SectionHistory._meta.concrete_fields
                                    if f.attname != "history_id"})
            row.body, row.history_type = f"<p>Tekst {n}</p>", "~"
            of_sections.append(row)
        row.history_date, row.history_user_id = when, user.pk
    History.objects.bulk_create(own)
    SectionHistory.objects.bulk_create(of_sections)
    return item


# Session and user (2), the viewer's roles (1), the item through its visibility rule (1), the
# page's count and rows (2: one UNION each), their users (1), the item's decision (1).
@pytest.mark.parametrize("count", [10, 1000])
def test_the_item_history_page_costs_the_same_at_every_size(client, secretary, meeting, count,
                                                            django_assert_num_queries):
    item = with_versions(meeting, secretary, count)
    client.force_login(secretary)
    with django_assert_num_queries(8):
        response = client.get(f"/punkter/{item.pk}/historik/")
    assert response.status_code == 200
    assert f"{count} versioner" in response.content.decode()


# Session and user (2), roles (1), the item (1), the version asked for (1), then each of the
# two documents: the item's row, its sub-items, sections and points as of then (4, DISTINCT
# ON each) and the name of its memo template (1).
@pytest.mark.parametrize("count", [10, 1000])
def test_the_diff_of_two_versions_costs_the_same_at_every_size(client, secretary, meeting,
                                                               count, django_assert_num_queries):
    item = with_versions(meeting, secretary, count)
    client.force_login(secretary)
    token = f"i{AgendaItem.history.filter(id=item.pk).latest('history_date').history_id}"
    with django_assert_num_queries(15):
        response = client.get(f"/punkter/{item.pk}/historik/sammenlign/?til={token}")
    assert response.status_code == 200


# Session and user (2), roles (1), the series through its rule (1), the people for the
# person filter (1), the page's count and rows (2: one UNION each), their users (1).
@pytest.mark.parametrize("count", [10, 1000])
def test_the_series_audit_costs_the_same_at_every_size(client, secretary, meeting, count,
                                                       django_assert_num_queries):
    with_versions(meeting, secretary, count)
    client.force_login(secretary)
    with django_assert_num_queries(8):
        response = client.get(f"/serier/{meeting.series_id}/historik/?kind=&person=")
    assert response.status_code == 200
    assert "Klimaplan v" in response.content.decode()
