from django import template

from common.richtext import render_richtext

register = template.Library()


@register.filter
def richtext(value):
    """Render stored rich text, sanitised again on the way out."""
    return render_richtext(value)


@register.filter
def lines(value):
    """Split a one-item-per-line text field (guests, sender block) into its non-empty lines."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]
