"""Private notes and shared comments on an item."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agendas.models.items import AgendaItem
from common.models import VersionedModel
from meetings.models import MeetingSeries
from meetings.versions import MeetingPart, MeetingPartQuerySet
from meetings.viewer import as_viewer


class NoteQuerySet(MeetingPartQuerySet):
    def visible_to(self, who):
        """A note is private: its author alone reads it, and only while the item is readable."""
        viewer = as_viewer(who)
        if not viewer.is_authenticated:
            return self.none()
        return self.filter(AgendaItem.objects.visible_q(viewer, prefix="item__"),
                           author_id=viewer.user_id)


class Note(MeetingPart, VersionedModel):
    """A reader's private note on an item."""

    meeting_lookup = "items__notes"
    is_annotation = True

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="notes",
                             verbose_name=_("punkt"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="notes", verbose_name=_("forfatter"))
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    objects = NoteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("noter")
        ordering = ["item_id", "created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class CommentQuerySet(MeetingPartQuerySet):
    def visible_to(self, who):
        """Comments are shared with the series' members and secretariat, on items they read."""
        viewer = as_viewer(who)
        if not viewer.is_authenticated:
            return self.none()
        q = AgendaItem.objects.visible_q(viewer, prefix="item__")
        if viewer.is_superuser:
            return self.filter(q)
        return self.filter(q & Q(item__meeting__series__in=viewer.insider))


class Comment(MeetingPart, VersionedModel):
    """A comment on an item, shared with the other members of the series."""

    meeting_lookup = "items__comments"
    is_annotation = True

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="comments",
                             verbose_name=_("punkt"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="comments", verbose_name=_("forfatter"))
    text = models.TextField(_("kommentar"))
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects = CommentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delt kommentar")
        verbose_name_plural = _("delte kommentarer")
        ordering = ["item_id", "created_at", "pk"]

    def __str__(self):
        return self.text[:60]


def annotatable_items(who):
    """Items `who` may annotate: readable ones in series they belong to (notes and shared
    comments are for the series' own people, not for the public)."""
    viewer = as_viewer(who)
    return AgendaItem.objects.visible_to(viewer).filter(
        meeting__series__in=MeetingSeries.objects.with_insider(viewer))
