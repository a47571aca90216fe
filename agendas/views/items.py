"""The editor's items and sub-items: add, edit in place, duplicate, delete (and undo), move.

Changes to the agenda's structure answer with the changed fragment plus, out of band, every
item's summary (numbers, slots) and the time plan, and an `referat:order` event with the
order of the items, which static/js/editor.js applies to the list without touching what is
open in it (a form being typed in stays as it is)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from agendas import services
from agendas.editing import editor_items
from agendas.editor_forms import ItemForm, NewItemForm, SubItemForm
from agendas.views.access import (
    answer,
    direction,
    editor_url,
    item_for_editor,
    meeting_for_editor,
    refusal_text,
    sub_item_for_editor,
)
from agendas.views.conflicts import merge
from agendas.views.editor import EDITOR, editor_context, structure_response
from common.models import EditConflict

ITEM = "agendas/editor/_item.html"


def _entry(meeting, item_id):
    return next(e for e in editor_items(meeting) if e.item.pk == item_id)


def _back(request, meeting, item=None, message=None, level=messages.SUCCESS):
    if message:
        messages.add_message(request, level, message)
    return redirect(editor_url(item or meeting))


@login_required
@require_POST
def item_create(request, meeting_id: int):
    """Add an item before the series' closing items (Bordrunde …)."""
    meeting = meeting_for_editor(request.user, meeting_id)
    form = NewItemForm(request.POST, auto_id="new-item-%s")
    if form.is_valid():
        try:
            item = services.agenda_item_create(meeting=meeting, before_closing=True,
                                               **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            if not request.htmx:
                return _back(request, meeting, item, _("%(item)s er tilføjet.") % {"item": item})
            return structure_response(
                request, meeting, fragments=[f"{EDITOR}#new-item"], new_item_id=item.pk,
                status_text=_("%(item)s er tilføjet.") % {"item": item},
                focus=f"item-{item.pk}-edit")
    if not request.htmx:
        return render(request, EDITOR, editor_context(meeting, new_item_form=form), status=422)
    return render(request, f"{EDITOR}#new-item", editor_context(meeting, new_item_form=form),
                  status=422)


@login_required
@vary_on_headers("HX-Request")
def item_edit(request, item_id: int):
    """One item in place: its fields as text (GET ?vis=1, after a save) or as a form."""
    item = item_for_editor(request.user, item_id)
    meeting = item.meeting
    page = {"meeting": meeting, "entry": None}
    if request.method == "GET":
        form = None if request.GET.get("vis") == "1" else ItemForm(
            instance=item, auto_id=f"item-{item.pk}-%s")
        context = {**page, "entry": _entry(meeting, item.pk), "item_form": form}
        if not request.htmx and form is not None:
            return render(request, "agendas/editor/item_page.html", context)
        return answer(request, ITEM, context, partial="item-body", fallback=editor_url(item))
    form = ItemForm(request.POST, instance=item, auto_id=f"item-{item.pk}-%s")
    notice = None
    if form.is_valid():
        try:
            services.agenda_item_update(item=form.instance,
                                        expected_version=form.cleaned_data["version"],
                                        fields=form.changed_fields())
        except EditConflict as conflict:
            form, notice = merge(ItemForm, posted=form, current=conflict.current,
                                 auto_id=f"item-{item.pk}-%s")
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            text = _("%(item)s er gemt.") % {"item": form.instance}
            if not request.htmx:
                return _back(request, meeting, item, text)
            return structure_response(request, meeting, fragments=[f"{ITEM}#item-body"],
                                      entry_id=item.pk, status_text=text,
                                      focus=f"item-{item.pk}-edit")
    context = {**page, "entry": _entry(meeting, item.pk), "item_form": form,
               "conflict": notice}
    status = 409 if notice else 422
    template = ITEM if request.htmx else "agendas/editor/item_page.html"
    return render(request, f"{template}#item-body" if request.htmx else template, context,
                  status=status)


@login_required
@require_POST
def item_move(request, item_id: int):
    """One place up (by=-1) or down (by=1): the keyboard's way to reorder."""
    item = item_for_editor(request.user, item_id)
    by = direction(request)
    try:
        services.agenda_item_move(item=item, by=by)
    except ValidationError as refusal:
        return _refused(request, item.meeting, refusal, item)
    item.refresh_from_db()
    text = (_("%(item)s er flyttet op til plads %(position)s.") if by < 0 else
            _("%(item)s er flyttet ned til plads %(position)s.")) % {
        "item": item, "position": item.position}
    if not request.htmx:
        return _back(request, item.meeting, item, text)
    return structure_response(request, item.meeting, status_text=text)


@login_required
@require_POST
def items_reorder(request, meeting_id: int):
    """The order after a drag and drop: every item's id, in the new order."""
    meeting = meeting_for_editor(request.user, meeting_id)
    try:
        ids = [int(value) for value in request.POST.getlist("item")]
        services.agenda_items_reorder(meeting=meeting, ordered_ids=ids)
    except (ValueError, ValidationError) as refusal:
        error = refusal if isinstance(refusal, ValidationError) else ValidationError(
            _("Rækkefølgen kunne ikke læses. Genindlæs siden, og prøv igen."))
        return _refused(request, meeting, error)
    if not request.htmx:
        return _back(request, meeting, message=_("Rækkefølgen er gemt."))
    return structure_response(request, meeting, status_text=_("Rækkefølgen er gemt."))


@login_required
@require_POST
def item_duplicate(request, item_id: int):
    item = item_for_editor(request.user, item_id)
    try:
        copy = services.agenda_item_duplicate(item=item)
    except ValidationError as refusal:
        return _refused(request, item.meeting, refusal, item)
    text = _("%(item)s er oprettet som kopi.") % {"item": copy}
    if not request.htmx:
        return _back(request, item.meeting, copy, text)
    return structure_response(request, item.meeting, new_item_id=copy.pk, status_text=text,
                              focus=f"item-{copy.pk}-edit")


@login_required
@require_POST
def item_delete(request, item_id: int):
    """Delete, with an undo button in the editor."""
    item = item_for_editor(request.user, item_id)
    meeting, label = item.meeting, str(item)
    deleted = {"id": item.pk, "label": label}
    try:
        services.agenda_item_delete(item=item)
    except ValidationError as refusal:
        return _refused(request, meeting, refusal, item)
    text = _("%(item)s er slettet.") % {"item": label}
    if not request.htmx:
        messages.success(request, text)
        request.session["editor_undo"] = deleted
        return redirect(editor_url(meeting))
    return structure_response(request, meeting, fragments=[f"{EDITOR}#undo"], deleted=deleted,
                              removed_item_id=deleted["id"], status_text=text, focus="undo-button")


@login_required
@require_POST
def item_restore(request, meeting_id: int):
    """Undo a deletion (the item's id in `item`)."""
    meeting = meeting_for_editor(request.user, meeting_id)
    try:
        item = services.agenda_item_restore(meeting=meeting,
                                            item_id=int(request.POST.get("item", "0")))
    except (ValueError, ValidationError) as refusal:
        error = refusal if isinstance(refusal, ValidationError) else ValidationError(
            _("Punktet kan ikke gendannes."))
        return _refused(request, meeting, error)
    request.session.pop("editor_undo", None)
    text = _("%(item)s er gendannet.") % {"item": item}
    if not request.htmx:
        return _back(request, meeting, item, text)
    return structure_response(request, meeting, fragments=[f"{EDITOR}#undo"], deleted=None,
                              new_item_id=item.pk, status_text=text,
                              focus=f"item-{item.pk}-edit")


def _refused(request, meeting, refusal: ValidationError, item=None):
    """A refused step (approved minutes, a stale order): said plainly, nothing changed."""
    if not request.htmx:
        return _back(request, meeting, item, refusal_text(refusal), messages.ERROR)
    return structure_response(request, meeting, status_text=refusal_text(refusal),
                              refusal=refusal_text(refusal), status=422)


# Sub-items ("A) Evt. orientering").

def _sub_items_response(request, item, *, text, form=None):
    meeting = item.meeting
    if not request.htmx:
        return _back(request, meeting, item, text)
    return structure_response(request, meeting, fragments=[f"{ITEM}#sub-items"],
                              entry_id=item.pk, sub_form=form, status_text=text)


@login_required
@require_POST
def sub_item_create(request, item_id: int):
    item = item_for_editor(request.user, item_id)
    form = SubItemForm(request.POST, auto_id=f"sub-new-{item.pk}-%s")
    if form.is_valid():
        try:
            sub = services.sub_item_create(item=item, **form.changed_fields())
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            return _sub_items_response(request, item, text=_("Underpunkt %(letter)s) er "
                                                             "tilføjet.") % {"letter": sub.letter})
    context = {"meeting": item.meeting, "entry": _entry(item.meeting, item.pk), "sub_form": form}
    # The no-JS page shows the item with this form.
    if not request.htmx:
        return render(request, "agendas/editor/item_page.html", context, status=422)
    return render(request, f"{ITEM}#sub-items", context, status=422)


@login_required
@vary_on_headers("HX-Request")
def sub_item_edit(request, sub_item_id: int):
    sub = sub_item_for_editor(request.user, sub_item_id)
    item = sub.item
    context = {"meeting": item.meeting, "entry": _entry(item.meeting, item.pk), "sub": sub}
    if request.method == "GET":
        form = None if request.GET.get("vis") == "1" else SubItemForm(
            instance=sub, auto_id=f"sub-{sub.pk}-%s")
        if not request.htmx and form is not None:
            return render(request, "agendas/editor/sub_item_page.html",
                          {**context, "sub_edit_form": form})
        return answer(request, ITEM, {**context, "sub_edit_form": form}, partial="sub-item",
                      fallback=editor_url(item))
    form = SubItemForm(request.POST, instance=type(sub).objects.get(pk=sub.pk),
                       auto_id=f"sub-{sub.pk}-%s")
    notice = None
    if form.is_valid():
        try:
            services.sub_item_update(sub=form.instance,
                                     expected_version=form.cleaned_data["version"],
                                     fields=form.changed_fields())
        except EditConflict as conflict:
            form, notice = merge(SubItemForm, posted=form, current=conflict.current,
                                 auto_id=f"sub-{sub.pk}-%s")
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            sub.refresh_from_db()
            text = _("Underpunkt %(letter)s) er gemt.") % {"letter": sub.letter}
            if not request.htmx:
                return _back(request, item.meeting, item, text)
            return structure_response(request, item.meeting, fragments=[f"{ITEM}#sub-item"],
                                      entry_id=item.pk, sub=sub,
                                      status_text=text)
    context.update(sub_edit_form=form, conflict=notice)
    if not request.htmx:
        return render(request, "agendas/editor/sub_item_page.html", context,
                      status=409 if notice else 422)
    return render(request, f"{ITEM}#sub-item", context, status=409 if notice else 422)


@login_required
@require_POST
def sub_item_move(request, sub_item_id: int):
    sub = sub_item_for_editor(request.user, sub_item_id)
    try:
        services.sub_item_move(sub=sub, by=direction(request))
    except ValidationError as refusal:
        return _refused(request, sub.item.meeting, refusal, sub.item)
    return _sub_items_response(request, sub.item, text=_("Underpunktet er flyttet."))


@login_required
@require_POST
def sub_item_delete(request, sub_item_id: int):
    sub = sub_item_for_editor(request.user, sub_item_id)
    item, label = sub.item, str(sub)
    try:
        services.sub_item_delete(sub=sub)
    except ValidationError as refusal:
        return _refused(request, item.meeting, refusal, item)
    return _sub_items_response(request, item, text=_("Underpunkt %(sub)s er slettet.") % {
        "sub": label})
