import math
from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def in_minutes(value: timedelta | None):
    """A duration as whole minutes, rounded up: a 90-second wait is "2 minutter"."""
    if not isinstance(value, timedelta):
        return ""
    return math.ceil(value.total_seconds() / 60)
