"""A reader's private notes. Adding one is a plain save (agendas.views.reading)."""

from django.db import transaction

from agendas.models import Note


def note_delete(*, note: Note) -> None:
    """Delete the note, and its text from the history: a private note deleted by its author
    leaves no readable trace. The history keeps that a note was written and deleted, by whom
    and when. (An item's deletion takes its notes with it differently: their history keeps
    the text, so that undoing it brings them back, agendas.services.items.)"""
    note_id = note.pk
    with transaction.atomic():
        note.delete()
        Note.history.filter(id=note_id).update(text="")
