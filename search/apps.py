from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search box over everything a reader may see: meetings, items with their memos,
    decisions, follow-ups and the text of Bilag."""

    name = "search"
    verbose_name = _("Søgning")
