from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The public portal: the series and their published meetings by year, and each series'
    calendar and minutes feeds."""

    name = "portal"
    verbose_name = _("Portal")
