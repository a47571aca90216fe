from django import template

register = template.Library()


@register.filter
def point_label(point, form: str) -> str:
    """`form` is "agenda" for the agenda-with-decisions form ("Ad 1)"), else the short minutes."""
    return point.label(answers_form=form == "agenda")
