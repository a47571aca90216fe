"""The objects that have a history page, who may open it, and their documents as of a time.

Access starts from the object's own visibility rule (`visible_to`): whoever may not see it
gets 404, as if it did not exist. History is the secretariat's: a member of the series, who
reads the object but does not edit it, gets 403; anyone else 404 (an anonymous visitor on an
open item of a published meeting included: the history holds what was never published).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agendas.models import AgendaItem, Attachment
from decisions.models import Decision, FollowUp
from history.versions import KINDS, Kind, rows
from meetings.models import Meeting
from meetings.viewer import Viewer


@dataclass(frozen=True)
class Subject:
    """One kind of object with a history page: its main kind and the kinds of its parts."""

    name: str
    main: str  # the letter of its own rows
    parts: tuple[str, ...] = ()
    restorable: bool = False
    title: str = ""
    url_names: dict = field(default_factory=dict)

    @property
    def letters(self) -> tuple[str, ...]:
        return (self.main, *self.parts)

    def kinds(self) -> list[Kind]:
        return [KINDS[letter] for letter in self.letters]

    def version_rows(self, pk: int):
        """The UNION parts: this object's rows and those of its parts."""
        for kind in self.kinds():
            if kind.owner_field == "pk":
                yield rows(kind, id=pk)
            else:
                yield rows(kind, **{kind.owner_field: pk})

    def url(self, which: str, pk: int) -> str:
        return reverse(self.url_names[which], args=[pk])


SUBJECTS = {s.name: s for s in [
    Subject("meeting", "m", title=_("Mødets historik"),
            url_names={"list": "history_meeting", "diff": "history_meeting_diff"}),
    Subject("item", "i", ("u", "s", "r"), restorable=True, title=_("Punktets historik"),
            url_names={"list": "item_history", "diff": "history_item_diff",
                       "restore": "history_item_restore"}),
    Subject("decision", "d", ("p",), restorable=True, title=_("Beslutningens historik"),
            url_names={"list": "history_decision", "diff": "history_decision_diff",
                       "restore": "history_decision_restore"}),
    Subject("follow_up", "f", title=_("Opfølgningens historik"),
            url_names={"list": "history_follow_up", "diff": "history_follow_up_diff"}),
    Subject("attachment", "b", title=_("Bilagets historik"),
            url_names={"list": "history_attachment", "diff": "history_attachment_diff"}),
]}
# Which subject's page shows a version of each kind (the audit page links there).
PAGE_OF_KIND = {"m": "meeting", "i": "item", "u": "item", "s": "item", "r": "item",
                "d": "decision", "p": "decision", "f": "follow_up", "b": "attachment"}


@dataclass
class Found:
    """The object of a history page (None: it is deleted; its history is still shown)."""

    subject: Subject
    pk: int
    obj: object
    meeting: Meeting
    series_id: int

    @property
    def name(self) -> str:
        if self.obj is not None:
            return str(self.obj)
        if self.subject.name == "item":
            return str(_("Slettet punkt %(id)s") % {"id": self.pk})
        return str(_("Slettet bilag %(id)s") % {"id": self.pk})


def find(subject: Subject, viewer: Viewer, pk: int) -> Found:
    """The object as `viewer` may see it, or 404; 403 for the series' members."""
    obj = meeting = None
    if subject.name == "meeting":
        obj = meeting = Meeting.objects.visible_to(viewer).filter(pk=pk).first()
    elif subject.name == "item":
        obj = (AgendaItem.objects.visible_to(viewer).select_related("meeting__series")
               .filter(pk=pk).first())
        meeting = obj and obj.meeting
        if obj is None:
            meeting = _deleted_item_meeting(viewer, pk)
    elif subject.name == "decision":
        obj = (Decision.objects.visible_to(viewer).select_related("item__meeting")
               .filter(pk=pk).first())
        meeting = obj and obj.item.meeting
    elif subject.name == "follow_up":
        obj = (FollowUp.objects.visible_to(viewer).select_related("decision__item__meeting")
               .filter(pk=pk).first())
        meeting = obj and obj.decision.item.meeting
    elif subject.name == "attachment":
        obj = (Attachment.objects.visible_to(viewer).defer("text")
               .select_related("item__meeting").filter(pk=pk).first())
        meeting = obj and obj.item.meeting
        if obj is None:
            meeting = _deleted_attachment_meeting(viewer, pk)
    if meeting is None:
        raise Http404
    if not viewer.edits(meeting.series_id):
        if viewer.belongs(meeting.series_id):
            raise PermissionDenied
        raise Http404
    return Found(subject, pk, obj, meeting, meeting.series_id)


def _deleted_item_meeting(viewer: Viewer, pk: int) -> Meeting | None:
    """A deleted item keeps its history where its meeting is readable (the secretariat's
    check follows); one that still exists is found through its own rule above, never here."""
    if AgendaItem.objects.filter(pk=pk).exists():
        return None
    last = (AgendaItem.history.filter(id=pk).order_by("-history_date", "-history_id")
            .values_list("meeting_id", flat=True).first())
    if last is None:
        return None
    return Meeting.objects.visible_to(viewer).filter(pk=last).first()


def _deleted_attachment_meeting(viewer: Viewer, pk: int) -> Meeting | None:
    """A removed Bilag keeps its history (its old files with it) where its item is readable;
    one that still exists is found through its own rule above, never here."""
    if Attachment.objects.filter(pk=pk).exists():
        return None
    last = (Attachment.history.filter(id=pk).order_by("-history_date", "-history_id")
            .values_list("item_id", flat=True).first())
    if last is None:
        return None
    item = (AgendaItem.objects.visible_to(viewer).select_related("meeting")
            .filter(pk=last).first())
    if item is None:  # the item went too: its meeting's rule decides, as for the item
        return _deleted_item_meeting(viewer, last)
    return item.meeting
