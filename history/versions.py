"""The versions of an object, read from django-simple-history's tables.

A version is one history row of the object or of a row that belongs to its document (an
item's sub-items, memo sections and recommendation points; a decision's points), named by a
token: the kind's letter and the row's history id ("i812", "s90"). The rows of all the
tables involved are read as one UNION, newest first, one page at a time, so a page costs the
same however many versions there are.
"""

from dataclasses import dataclass

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Left
from django.utils.translation import gettext as _

from agendas.models import AgendaItem, Attachment, MemoSection, RecommendationPoint, SubItem
from decisions.models import Decision, DecisionPoint, FollowUp
from meetings.models import Meeting


@dataclass(frozen=True)
class Kind:
    letter: str
    model: type
    label_field: str  # what names the row in a list of versions
    # The field linking the row to its document's main row ("pk": the row is the main row).
    owner_field: str = "pk"

    @property
    def history(self):
        return self.model.history.model


KINDS = {kind.letter: kind for kind in [
    Kind("m", Meeting, "title"),
    Kind("i", AgendaItem, "title"),
    Kind("u", SubItem, "title", "item_id"),
    Kind("s", MemoSection, "title", "item_id"),
    Kind("r", RecommendationPoint, "text", "item_id"),
    Kind("b", Attachment, "title"),
    Kind("d", Decision, "text"),
    Kind("p", DecisionPoint, "text", "decision_id"),
    Kind("f", FollowUp, "description"),
]}

# The columns every part of the UNION selects, in this order.
COLUMNS = ["v_kind", "history_id", "history_date", "history_type", "history_change_reason",
           "history_user_id", "v_label", "v_object", "v_owner"]


def rows(kind: Kind, **filters):
    """The history rows of `kind` matching `filters`, as the UNION's columns."""
    owner = "id" if kind.owner_field == "pk" else kind.owner_field
    return (kind.history.objects.filter(**filters)
            .annotate(v_kind=Value(kind.letter, output_field=CharField()),
                      v_label=Left(Cast(kind.label_field, CharField()), 120),
                      v_object=F("id"), v_owner=F(owner))
            .values_list(*COLUMNS).order_by())


def union(parts):
    parts = list(parts)
    first, rest = parts[0], parts[1:]
    return (first.union(*rest, all=True) if rest else first).order_by("-history_date",
                                                                       "-history_id")


@dataclass
class Version:
    kind: Kind
    history_id: int
    date: object
    type: str
    reason: str
    user_id: int | None
    label: str
    object_id: int
    owner_id: int
    user: object = None

    @property
    def token(self) -> str:
        return f"{self.kind.letter}{self.history_id}"

    @property
    def reason_label(self) -> str:
        """The reason as written, but the autosave's marker (common/autosave.py) in words."""
        from common.autosave import AUTOSAVE_REASON

        if self.reason == AUTOSAVE_REASON:
            return str(_("Gemt automatisk, mens der blev skrevet"))
        return self.reason or ""

    @property
    def kind_label(self) -> str:
        return self.kind.model._meta.verbose_name

    @property
    def user_name(self) -> str:
        if self.user is None:
            return ""
        return self.user.get_full_name() or self.user.get_username()


def as_versions(page_rows) -> list[Version]:
    """The rows of one page, with their users read in one query."""
    from django.contrib.auth import get_user_model

    versions = [Version(KINDS[r[0]], *r[1:]) for r in page_rows]
    ids = {v.user_id for v in versions if v.user_id}
    users = get_user_model().objects.in_bulk(ids) if ids else {}
    for version in versions:
        version.user = users.get(version.user_id)
    return versions
