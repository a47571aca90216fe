"""A save based on a stale version is a conflict, never an overwrite. The editor answers it
with the form again, status 409: above it, what the user wrote beside what is stored now; in
it, the newer version with the user's own changes on top, ready to check and save (or to
cancel, keeping the newer version). Nothing typed is lost either way."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from common.richtext import render_richtext


@dataclass(frozen=True)
class Difference:
    label: str
    mine: str
    theirs: str


@dataclass
class ConflictNotice:
    """What the conflict view says: who changed it, when, and where the two versions differ."""

    who: str | None
    when: dt.datetime | None
    rows: list[Difference] = field(default_factory=list)
    deleted: bool = False


def shown(value, model_field: models.Field | None = None) -> str:
    """A value as the conflict view shows it (rich text rendered, dates as Referat writes them)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if isinstance(value, dt.date):
        return date_format(value, "d-m-Y")
    if isinstance(value, dt.time):
        return value.strftime("%H.%M")
    if model_field is not None and model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    text = str(value)
    return render_richtext(text) if text.lstrip().startswith("<") else text


def base_row(current, expected_version):
    """The row as the user saw it when they opened the form (from the history), if known."""
    history = getattr(current, "history", None)
    if history is None or expected_version is None:
        return None
    return history.filter(version=expected_version).first()


def changed_by(current) -> tuple[str | None, dt.datetime | None]:
    history = getattr(current, "history", None)
    latest = history.first() if history is not None else None
    if latest is None:
        return None, None
    user = latest.history_user
    return (user.get_full_name() or user.get_username()) if user else None, latest.history_date


def _value(row, name):
    return getattr(row, row._meta.get_field(name).attname)


def merge(form_class, *, posted, current, **form_kwargs):
    """The form to show after a conflict, and the notice above it. `posted` is the user's
    valid form; `current` the stored row now (None when it was deleted)."""
    if current is None:
        return posted, ConflictNotice(who=None, when=None, deleted=True)
    expected = posted.cleaned_data.get("version")
    base = base_row(current, expected)
    sent = posted.changed_fields()
    mine = {name: value for name, value in sent.items() if base is None or (
        _comparable(value) != _value(base, name))}
    rows = []
    for name in sent:
        model_field = current._meta.get_field(name)
        theirs = getattr(current, name)
        value = mine.get(name, theirs)
        if _comparable(value) != _value(current, name) or (
                base is not None and _value(base, name) != _value(current, name)):
            label = str(posted.fields[name].label or model_field.verbose_name)
            rows.append(Difference(label[:1].upper() + label[1:],
                                   shown(mine.get(name, getattr(base, name) if base else value),
                                         model_field),
                                   shown(theirs, model_field)))
    form = form_class(instance=current, initial={**mine, "version": current.version},
                      **form_kwargs)
    who, when = changed_by(current)
    return form, ConflictNotice(who=who, when=when, rows=rows)


def _comparable(value):
    """Foreign keys compare by id (the historical row stores the id)."""
    return value.pk if isinstance(value, models.Model) else value
