"""The objects of a meeting for its secretariat (see meetings.access for the rule), and how the
editor's views answer."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from agendas.models import AgendaItem, Attachment, SubItem
from meetings.access import check_secretariat as _check_secretariat
from meetings.access import meeting_for_editor

__all__ = ["answer", "attachment_for_editor", "direction", "editor_url", "item_for_editor",
           "meeting_for_editor", "refusal_text", "sub_item_for_editor"]


def item_for_editor(user, item_id: int) -> AgendaItem:
    item = get_object_or_404(AgendaItem.objects.visible_to(user)
                             .select_related("meeting__series", "memo_template"), pk=item_id)
    _check_secretariat(user, item.meeting.series_id)
    return item


def sub_item_for_editor(user, sub_item_id: int) -> SubItem:
    sub = get_object_or_404(SubItem.objects.filter(
        item__in=AgendaItem.objects.visible_to(user)).select_related("item__meeting__series"),
        pk=sub_item_id)
    _check_secretariat(user, sub.item.meeting.series_id)
    return sub


def attachment_for_editor(user, attachment_id: int) -> Attachment:
    attachment = get_object_or_404(Attachment.objects.visible_to(user).defer("text")
                                   .select_related("item__meeting__series"), pk=attachment_id)
    _check_secretariat(user, attachment.item.meeting.series_id)
    return attachment


def editor_url(meeting_or_item) -> str:
    if isinstance(meeting_or_item, AgendaItem):
        return (reverse("agendas:meeting_editor", args=[meeting_or_item.meeting_id])
                + f"#item-{meeting_or_item.pk}")
    return reverse("agendas:meeting_editor", args=[meeting_or_item.pk])


def direction(request) -> int:
    """"Flyt op" posts by=-1, "Flyt ned" by=1 (anything else moves down)."""
    return -1 if request.POST.get("by") == "-1" else 1


def refusal_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def answer(request, template: str, context: dict, *, partial: str, status: int = 200,
           fallback=None):
    """The fragment for htmx, else (a plain form post) the page again on an error, or a
    redirect to `fallback` after a success."""
    if request.htmx:
        return render(request, f"{template}#{partial}", context, status=status)
    if fallback is not None and status < 400:
        return redirect(fallback)
    return render(request, template, context, status=status)
