import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from agendas.forms import CommentForm, NoteForm
from agendas.models import Attachment, Comment, Note, annotatable_items
from agendas.services import note_delete as delete_note
from common.views import error_page

logger = logging.getLogger(__name__)


@require_GET
def attachment_download(request, attachment_id: int):
    """Send an attachment's file, to those who may read it only (media is never served raw)."""
    attachment = get_object_or_404(Attachment.objects.visible_to(request.user), pk=attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        logger.error("Attachment %s: its file %s is missing from storage", attachment.pk,
                     attachment.file.name)
        return error_page(request, 404, _("Bilagets fil mangler"),
                          _("Filen til dette bilag findes ikke i lageret. Kontakt "
                            "mødesekretariatet, så den kan blive lagt op igen."))
    response = FileResponse(handle, content_type="application/pdf",
                            as_attachment=request.GET.get("hent") == "1",
                            filename=_pdf_filename(attachment.title))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _pdf_filename(title: str) -> str:
    stem = title.removesuffix(".pdf").strip() or "bilag"
    return f"{stem}.pdf"


@login_required
@vary_on_headers("HX-Request")
def item_annotations(request, item_id: int):
    """A reader's private notes and the series' shared comments on one item: the page lists
    them, a POST adds one (`kind` = note or comment). The meeting page embeds the same partial."""
    item = get_object_or_404(annotatable_items(request.user).select_related("meeting__series"),
                             pk=item_id)
    forms = {"note": NoteForm(), "comment": CommentForm()}
    if request.method == "POST":
        kind = request.POST.get("kind")
        if kind not in forms:
            return error_page(request, 400, _("Ugyldig forespørgsel"),
                              _("Angiv, om du vil gemme en note eller en kommentar."))
        form = (NoteForm if kind == "note" else CommentForm)(request.POST)
        if form.is_valid():
            annotation = form.save(commit=False)
            annotation.item, annotation.author = item, request.user
            annotation.save()
            if not request.htmx:
                messages.success(request, _("Noten er gemt.") if kind == "note"
                                 else _("Kommentaren er delt."))
                return redirect(item)
        else:
            forms[kind] = form
    return _render_annotations(request, item, forms)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def note_delete(request, note_id: int):
    """Delete one of your own notes."""
    note = get_object_or_404(Note.objects.visible_to(request.user).select_related("item"),
                             pk=note_id)
    item = note.item
    delete_note(note=note)
    if not request.htmx:
        messages.success(request, _("Noten er slettet."))
        return redirect(item)
    # The deleted note's button had focus; htmx moves it to the note field (autofocus).
    return _render_annotations(request, item, {"note": NoteForm(), "comment": CommentForm()},
                               focus="note")


def _render_annotations(request, item, forms, focus=None):
    template = "agendas/item_annotations.html" + ("#annotations" if request.htmx else "")
    # A swap into the meeting page keeps its heading levels; this page has its own.
    on_this_page = not request.htmx or (request.htmx.current_url_abs_path or "").startswith(
        request.path)
    return render(request, template, {
        "heading_level": 2 if on_this_page else 4,
        "focus": focus,
        "item": item,
        "notes": Note.objects.visible_to(request.user).filter(item=item),
        "comments": Comment.objects.visible_to(request.user).filter(item=item)
        .select_related("author"),
        "note_form": forms["note"],
        "comment_form": forms["comment"],
        "expanded": True,
    })
