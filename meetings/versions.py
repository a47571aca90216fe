"""The content version of a meeting: a number that moves, in the same transaction, whenever
anything a reader of the meeting sees changes. Pages and stored documents are kept under it
(reading/, documents/), so nothing is ever invalidated: a change is a new version.

Two numbers per meeting: `content_version` for what every reader sees (the meeting, its
items, sub-items, memo sections, recommendation points, attachments, decisions, points and
follow-ups, the series and memo templates it shows), `annotations_version` for the notes and
shared comments (only their authors and the series' own people see those).

`content_changed()` is the one function that moves them. Writes reach it without having to
remember it:
- every model a reader sees inherits `MeetingPart`, which names the lookup from a meeting to
  its rows (`meeting_lookup`); its save() and delete(), its queryset's update(), delete() and
  bulk_create() (so bulk_update and history's bulk helpers too) call `content_changed()`;
- changes of a MeetingPart's many-to-many fields (the recommendation points a decision point
  answers) are followed through m2m_changed (connected in MeetingsConfig.ready()).
tests/meetings/test_content_version.py walks every historical model and fails with its name
when one is not a MeetingPart.

A version is at least the time of the change in microseconds and always one more than the
last, so a meeting that is deleted and restored from history never comes back with a version
it had before, and Last-Modified can be read off it.
"""

import time

from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

from common.precompiled import Precompiled

VERSION_FIELDS = ("content_version", "annotations_version")


def new_version() -> int:
    return time.time_ns() // 1000


def as_timestamp(version: int) -> float:
    """When the version was made (seconds since the epoch), for Last-Modified."""
    return version / 1_000_000


def content_changed(meetings, *, annotations: bool = False) -> None:
    """Move the content version (for notes and comments: the annotations version) of
    `meetings` (a queryset of meetings, or their ids), in the current transaction."""
    from meetings.models import Meeting

    field = "annotations_version" if annotations else "content_version"
    if not isinstance(meetings, models.QuerySet):
        meetings = Meeting.objects.filter(pk__in=[pk for pk in meetings if pk is not None])
    # The base manager's queryset: this update must not call content_changed() again.
    models.QuerySet(Meeting).filter(pk__in=meetings.values("pk")).update(
        **{field: Greatest(F(field) + 1, Value(new_version()))})


def _current(meeting_id, secretariat, member, *, variant):
    from meetings.models import Meeting
    from meetings.viewer import Viewer

    is_superuser, authenticated = variant
    viewer = Viewer(user_id=0 if authenticated else None, is_superuser=is_superuser,
                    secretariat=secretariat, member=member)
    return Meeting.objects.visible_to(viewer).filter(pk=meeting_id).values_list(
        "series_id", "content_version", "annotations_version")


_read_current = Precompiled(_current)


def current_versions(meeting_id: int, viewer) -> tuple[int, int, int] | None:
    """(series, content version, annotations version) of the meeting when `viewer` (a
    resolved Viewer) may see it, else None: the one query a kept page costs, through the
    meeting's visibility rule."""
    rows = _read_current(meeting_id, tuple(viewer.secretariat), tuple(viewer.member),
                         variant=(viewer.is_superuser, viewer.is_authenticated))
    return rows[0] if rows else None


class MeetingPartQuerySet(models.QuerySet):
    """Bulk writes of a MeetingPart move the versions of the meetings they touch."""

    def _meetings(self):
        return self.model.meetings_of(self.values("pk"))

    def _changed(self, meetings) -> None:
        content_changed(meetings, annotations=self.model.is_annotation)

    def update(self, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            pks = list(self.values_list("pk", flat=True))
            self._changed(self._meetings())  # where the rows were
            rows = super().update(**kwargs)
            self._changed(self.model.meetings_of(pks))  # where they are now
        return rows

    update.alters_data = True

    def delete(self):
        with transaction.atomic(using=self.db, savepoint=False):
            self._changed(list(self._meetings().values_list("pk", flat=True)))
            return super().delete()

    delete.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            created = super().bulk_create(objs, *args, **kwargs)
            pks = [obj.pk for obj in created if obj.pk is not None]
            if pks:
                self._changed(self.model.meetings_of(pks))
        return created


class MeetingPart(models.Model):
    """A model whose rows readers of a meeting see. `meeting_lookup` is the lookup from a
    Meeting to its rows ("items" for AgendaItem, "items__notes" for Note, "pk" for Meeting
    itself); `is_annotation` marks notes and comments."""

    meeting_lookup: str = ""
    is_annotation: bool = False

    objects = MeetingPartQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding and _holds_versions(self._meta):
            # The versions are written by content_changed() alone, never from memory (where
            # they may be stale): a save leaves them out.
            given = kwargs.get("update_fields")
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in VERSION_FIELDS
                and (given is None or f.name in given or f.attname in given)]
        with transaction.atomic(savepoint=False):
            if self.pk is not None and self._may_move(kwargs.get("update_fields")):
                self._content_changed()  # where the row was (it may move to another meeting)
            super().save(*args, **kwargs)
            self._content_changed()
            # A meeting's versions in memory are stale now: they are read again when asked.
            for name in VERSION_FIELDS:
                self.__dict__.pop(name, None)

    def delete(self, *args, **kwargs):
        with transaction.atomic(savepoint=False):
            self._content_changed()
            return super().delete(*args, **kwargs)

    def _may_move(self, update_fields) -> bool:
        """Whether a save may move the row to another meeting: a full save, or one that
        writes a relation (a save of texts only, as the versioned update makes, cannot)."""
        if update_fields is None:
            return True
        fields = {f.name: f for f in self._meta.concrete_fields}
        fields |= {f.attname: f for f in self._meta.concrete_fields}
        return any(name in fields and fields[name].is_relation for name in update_fields)

    @classmethod
    def meetings_of(cls, pks):
        """The meetings whose readers see the rows `pks` (ids or a values("pk") queryset)."""
        from meetings.models import Meeting

        return Meeting._base_manager.filter(**{f"{cls.meeting_lookup}__in": pks})

    def _content_changed(self) -> None:
        content_changed(self.meetings_of([self.pk]), annotations=self.is_annotation)


def _holds_versions(opts) -> bool:
    return any(f.name in VERSION_FIELDS for f in opts.concrete_fields)


def m2m_changed_handler(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A MeetingPart's many-to-many rows changed (from either side)."""
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if not reverse:
        parts, part_model = [instance.pk], type(instance)
    else:  # instance is on the other side; the MeetingPart rows are `pk_set`
        part_model = model
        if pk_set is None:  # clear() from the other side: all rows linked to `instance`
            field = next(f for f in part_model._meta.many_to_many
                         if f.remote_field.through is sender)
            pk_set = list(part_model._base_manager.filter(**{field.name: instance})
                          .values_list("pk", flat=True))
        parts = list(pk_set)
    if parts and issubclass(part_model, MeetingPart):
        content_changed(part_model.meetings_of(parts), annotations=part_model.is_annotation)
