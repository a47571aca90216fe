"""The follow-up board across meetings: which follow-ups a reader sees (the visibility rule),
narrowed by the board's filters and sorted by due date. The page and the CSV export read the
same query, so the export is what the page lists.

A page costs the same whatever the number of follow-ups: its rows are read in due-date order
from the `followup_open_due` index and the query stops after one page; the total is counted
up to COUNT_LIMIT only; the owner filter offers the series' people (a unit is typed).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from agendas.models import AgendaItem
from decisions.models import FollowUp
from meetings.models import MeetingSeries

COUNT_LIMIT = 500
ACTIVE = "aktive"
ALL = "alle"
STATUS_CHOICES = [(ACTIVE, _("Åbne og i gang")), (ALL, _("Alle")), *FollowUp.Status.choices]
SORTS = {"frist": _("Frist, tidligste først"), "-frist": _("Frist, seneste først"),
         "moede": _("Mødedato, nyeste først")}


@dataclass(frozen=True)
class Filters:
    person: int | None = None  # the owner, a person
    unit: str = ""  # the owner, a unit ("FAS"), as typed
    series: int | None = None
    status: str = ACTIVE
    overdue: bool = False
    mine: bool = False
    sort: str = "frist"

    def query(self) -> dict:
        """The filters as the board's query string (for links and the export)."""
        values = {"person": self.person or "", "enhed": self.unit, "serie": self.series or "",
                  "status": self.status,
                  "overskredet": "1" if self.overdue else "", "mine": "1" if self.mine else "",
                  "sortering": self.sort}
        return {key: value for key, value in values.items() if value not in ("", None)}


def parse(params) -> Filters:
    """The board's filters from a query string; values it does not know fall back to the
    default (a bookmarked link to a removed series shows the board, not an error)."""
    series = params.get("serie", "")
    status = params.get("status", ACTIVE)
    sort = params.get("sortering", "frist")
    person = params.get("person", "")
    return Filters(person=int(person) if person.isdigit() else None,
                   unit=" ".join(params.get("enhed", "").split())[:200],
                   series=int(series) if series.isdigit() else None,
                   status=status if status in dict(STATUS_CHOICES) else ACTIVE,
                   overdue=params.get("overskredet") == "1", mine=params.get("mine") == "1",
                   sort=sort if sort in SORTS else "frist")


def follow_ups(user, filters: Filters, today):
    """The follow-ups the board lists for `user`, with what each row shows selected along, and
    `item_visible` saying whether the reader may see the item it came from (an owner from
    outside the series sees the follow-up, not the item)."""
    rows = FollowUp.objects.visible_to(user)
    if not user.is_superuser:
        # The board is the reader's own: their series' follow-ups and the ones they own (a
        # published meeting's follow-ups are public, but not everyone's work list).
        rows = rows.filter(Q(decision__item__meeting__series__in=MeetingSeries.objects
                             .with_insider(user)) | Q(owner_user=user))
    if filters.mine:
        rows = rows.filter(owner_user=user)
    if filters.person:
        rows = rows.filter(owner_user_id=filters.person)
    if filters.unit:
        rows = rows.filter(owner_unit__iexact=filters.unit)
    if filters.series:
        rows = rows.filter(decision__item__meeting__series_id=filters.series)
    if filters.status == ACTIVE:
        rows = rows.open()
    elif filters.status != ALL:
        rows = rows.filter(status=filters.status)
    if filters.overdue:
        rows = rows.overdue(today)
    item_rule = AgendaItem.objects.visible_q(user, prefix="decision__item__")
    visible = (Case(When(item_rule, then=Value(True)), default=Value(False),
                    output_field=BooleanField()) if item_rule else Value(True))
    order = {"frist": [F("due_date").asc(nulls_last=True), "decision__item__meeting__date"],
             "-frist": [F("due_date").desc(nulls_last=True), "-decision__item__meeting__date"],
             "moede": ["-decision__item__meeting__date", "decision__item__position"]}
    return (rows.annotate(item_visible=visible)
            .select_related("owner_user", "decision__item__meeting__series")
            .only("pk", "version", "description", "owner_unit", "due_date", "status",
                  "opened_on", "closed_on", "owner_user__first_name", "owner_user__last_name",
                  "owner_user__username", "decision__item__number", "decision__item__title",
                  "decision__item__position", "decision__item__meeting__date",
                  "decision__item__meeting__series__name")
            .order_by(*order[filters.sort], "pk"))


def people(user) -> list:
    """Who the owner filter offers: the people of the reader's series (and the reader)."""
    User = get_user_model()
    found = User.objects.all()
    if not user.is_superuser:
        insider = MeetingSeries.objects.with_insider(user)
        found = found.filter(Q(member_of_series__in=insider)
                             | Q(secretariat_of_series__in=insider) | Q(pk=user.pk))
    rows = (found.distinct().order_by("first_name", "last_name", "username")
            .values_list("pk", "first_name", "last_name", "username"))
    return [(pk, f"{first} {last}".strip() or username) for pk, first, last, username in rows]


def bounded_count(rows, limit: int) -> int:
    """How many rows there are, counted up to `limit` + 1 (the board says "Mere end 500"):
    a count that does not grow with the data."""
    return rows.order_by()[:limit + 1].count()


def series_choices(user) -> list[tuple[int, str]]:
    series = MeetingSeries.objects.all() if user.is_superuser else (
        MeetingSeries.objects.with_insider(user))
    return list(series.order_by("name").values_list("pk", "name"))


def tracked_series(user) -> set[int]:
    """The series whose follow-ups `user` tracks as their secretariat."""
    return set(MeetingSeries.objects.with_secretariat(user).values_list("pk", flat=True))
