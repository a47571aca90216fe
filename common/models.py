from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """A save was based on a version of the row that someone else has changed (or deleted)
    since. `current` is the row as it is stored now, None when it is gone."""

    def __init__(self, instance, current=None):
        self.instance = instance
        self.current = current
        if current is None:
            message = _("%(object)s er blevet slettet af en anden, mens du redigerede. Dine "
                        "ændringer er ikke gemt.") % {"object": instance}
        else:
            message = _("%(object)s er blevet ændret af en anden, mens du redigerede. "
                        "Dine ændringer er ikke gemt; hent den nye udgave, og prøv igen.") % {
                "object": current}
        super().__init__(message)


class VersionedModel(models.Model):
    """A row edited in the browser: `version` grows by one on every save through
    `save_versioned`, so an edit based on a stale copy is refused, never written over.
    Moving rows (positions, numbers) is not an edit of their content and leaves it alone."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class Autosaved(models.Model):
    """A row whose text the browser saves by itself while it is typed (common/autosave.py).
    It remembers which page saved it last (`autosave_client`, a random id per page load), that
    page's sequence number of the save, and the version the save made: a save from the same
    page that arrives late (an older sequence number) is ignored, and one that was sent before
    the page heard of its own previous save is not mistaken for someone else's conflict."""

    autosave_client = models.CharField(max_length=40, blank=True, editable=False)
    autosave_seq = models.BigIntegerField(default=0, editable=False)
    autosave_version = models.PositiveIntegerField(default=0, editable=False)

    # What the history leaves out: bookkeeping, not content.
    AUTOSAVE_FIELDS = ["autosave_client", "autosave_seq", "autosave_version"]

    class Meta:
        abstract = True


def lock_version(instance: VersionedModel, expected_version: int | None) -> VersionedModel:
    """Lock the stored row of `instance` for the rest of the transaction and return it, or raise
    EditConflict when it no longer has `expected_version` (None: any version) or is gone.
    Must run inside a transaction."""
    model = type(instance)
    current = model._default_manager.select_for_update().filter(pk=instance.pk).first()
    if current is None or (expected_version is not None and current.version != expected_version):
        raise EditConflict(instance, current)
    return current


def save_versioned(instance: VersionedModel, *, expected_version: int | None,
                   fields: dict | None = None, on_change: dict | None = None):
    """The one versioned update: apply `fields` to `instance` and save them, provided the stored
    row still has `expected_version`. Raises EditConflict otherwise. One transaction; the row is
    locked while it is compared, so two concurrent saves of the same version cannot both win.

    Only the given fields (and the version) are written: whatever else changed in the row since
    `instance` was read (a reorder moving it, say) is kept. Nothing to change saves nothing.
    `on_change`: fields written in the same save only when something changed (a timestamp).
    """
    fields = fields or {}
    model = type(instance)
    with transaction.atomic():
        current = lock_version(instance, expected_version)
        for name, value in fields.items():
            setattr(instance, name, value)
        field_names = {f.name for f in model._meta.concrete_fields}
        instance.full_clean(exclude=[name for name in field_names if name not in fields])
        changed = [name for name in fields
                   if getattr(instance, _attname(model, name)) != getattr(current,
                                                                        _attname(model, name))]
        instance.version = current.version
        if changed:
            for name, value in (on_change or {}).items():
                setattr(instance, name, value)
            instance.version += 1
            instance.save(update_fields=[*changed, *(on_change or {}), "version"])
    return instance


def _attname(model, name: str) -> str:
    """Compare foreign keys by their ids, without fetching the related rows."""
    return model._meta.get_field(name).attname
