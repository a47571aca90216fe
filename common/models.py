from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """A save was based on a version of the row that someone else has changed since."""

    def __init__(self, instance):
        self.instance = instance
        super().__init__(
            _("%(object)s er blevet ændret af en anden, mens du redigerede. "
              "Dine ændringer er ikke gemt; hent den nye udgave, og prøv igen.")
            % {"object": instance}
        )


class VersionedModel(models.Model):
    """A row edited in the browser: `version` grows by one on every save through
    `save_versioned`, so an edit based on a stale copy is refused, never written over."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


def save_versioned(instance: VersionedModel, *, expected_version: int, fields: dict | None = None):
    """Apply `fields` to `instance` and save it, provided the stored row still has
    `expected_version`. Raises EditConflict otherwise. One transaction; the row is locked
    while it is compared, so two concurrent saves of the same version cannot both win.
    """
    model = type(instance)
    with transaction.atomic():
        current = model._default_manager.select_for_update().get(pk=instance.pk)
        if current.version != expected_version:
            raise EditConflict(current)
        for name, value in (fields or {}).items():
            setattr(instance, name, value)
        instance.version = current.version + 1
        instance.full_clean()
        instance.save()
    return instance
