"""What the API may show: exactly what an anonymous visitor may see. Every list and object
starts from the models' own visibility rule for the anonymous viewer, so the API has no rule
of its own to drift from the pages (a closed item, a closed Bilag or an unpublished meeting is
absent here the moment the rule says so)."""

from django.db.models import Max, OuterRef, Prefetch, Subquery

from agendas.models import AgendaItem, Attachment
from decisions.models import Decision, DecisionPoint
from meetings.models import Meeting, MeetingSeries
from meetings.viewer import ANONYMOUS


def created(model):
    """When a row was made: its first history record (the models keep no creation time)."""
    history = model.history.model.objects.filter(id=OuterRef("pk"), history_type="+")
    return Subquery(history.order_by("history_date").values("history_date")[:1])


def organizations():
    return MeetingSeries.objects.visible_to(ANONYMOUS).annotate(
        modified_version=Max("meetings__content_version"),
        created_at=created(MeetingSeries)).order_by("pk")


def meetings(*, internal: bool = True):
    queryset = Meeting.objects.visible_to(ANONYMOUS).select_related("series").annotate(
        created_at=created(Meeting)).order_by("pk")
    if internal:
        queryset = queryset.prefetch_related(Prefetch("items", queryset=_items(
            files=True, decisions=True).order_by("meeting_id", "position", "pk"),
            to_attr="public_items"))
    return queryset


def _items(*, files: bool, decisions: bool):
    """Items with, as plain lists (`to_attr`: a list page reads thousands of them), their
    public Bilag (`public_files`) and their decision where the public may read it (with
    `public_points`)."""
    # The item's own text and guests are not in OParl's AgendaItem: not read.
    queryset = AgendaItem.objects.visible_to(ANONYMOUS).defer("text", "guests").annotate(
        created_at=created(AgendaItem))
    if files:
        queryset = queryset.prefetch_related(Prefetch(
            "attachments", queryset=Attachment.objects.visible_to(ANONYMOUS)
            .only("id", "item_id", "position", "title", "size")
            .annotate(created_at=created(Attachment)), to_attr="public_files"))
    if decisions:
        # The decision only where the public may read it (approved minutes), with its points.
        released = Decision.objects.visible_to(ANONYMOUS).defer("text").prefetch_related(
            Prefetch("points", queryset=DecisionPoint.objects.all(), to_attr="public_points"))
        queryset = queryset.prefetch_related(Prefetch("decision", queryset=released))
    return queryset


def agenda_items(*, internal: bool = True):
    return _items(files=internal, decisions=True).select_related("meeting").order_by("pk")


def papers(*, internal: bool = True):
    """A paper is an item's recommendation memo ("Indstilling"): items with a memo."""
    return _items(files=internal, decisions=False).filter(
        memo_template__isnull=False).select_related("meeting").order_by("pk")


def consultations():
    """One consultation per paper: the memo treated as the item of its meeting."""
    return papers(internal=False)


def files():
    return Attachment.objects.visible_to(ANONYMOUS).select_related("item__meeting").annotate(
        created_at=created(Attachment)).order_by("pk")


def latest_version() -> int | None:
    """The newest content version of any meeting: whatever the public sees changes only by
    moving some meeting's version (meetings/versions.py), so it dates every list."""
    return Meeting.objects.aggregate(latest=Max("content_version"))["latest"]
