from django import template

from common.forms import RichTextWidget

register = template.Library()


@register.filter
def point_label(point, form: str) -> str:
    """`form` is "agenda" for the agenda-with-decisions form ("Ad 1)"), else the short minutes."""
    return point.label(answers_form=form == "agenda")


@register.simple_tag
def discussion_field(entry):
    """The item's discussion in the same rich text editor as the memo (static/js/richtext.js
    makes the text area a Trix editor)."""
    pk = entry.item.pk
    attrs = {"id": f"item-{pk}-discussion", "aria-describedby": f"item-{pk}-discussion-help"}
    text = entry.decision.text if entry.decision else ""
    return RichTextWidget(rows=6).render("text", text, attrs=attrs)


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def dash(prefix, value) -> str:
    """An element id from parts: {{ "follow-up"|dash:follow_up.pk }} is "follow-up-12"."""
    return f"{prefix}-{value}"


@register.simple_tag
def board_query(query: dict, **changes) -> str:
    """The board's query string with `changes` (a page number, say), for links."""
    from urllib.parse import urlencode

    merged = {**query, **{k: v for k, v in changes.items() if v not in ("", None)}}
    return urlencode(merged)


@register.filter
def overdue(follow_up, today) -> bool:
    return follow_up.is_overdue(today)


@register.simple_tag
def chosen_owner(form, follow_up) -> str:
    """The person a follow-up form shows as chosen: what was sent, else the stored owner."""
    if form:
        return str(form["owner_user"].value() or "")
    return str(follow_up.owner_user_id or "") if follow_up else ""
