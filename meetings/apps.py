from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Meeting series, meetings and their lifecycle."""

    name = "meetings"
    verbose_name = _("Møder")
