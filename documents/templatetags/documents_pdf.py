import re

from django import template

register = template.Library()


@register.filter
def paragraphs(value):
    """Split plain text at blank lines (the meeting's information, the sender block)."""
    return [block.strip() for block in re.split(r"\n\s*\n", value or "") if block.strip()]


@register.filter
def cut_prefix(value, prefix):
    """ "Til Rådmandsmødet" shown in a "Til" row: drop the repeated word."""
    value = value or ""
    return value[len(prefix):] if value.startswith(prefix) else value
