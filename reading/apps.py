from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    """What readers see: the read model of a meeting and the meeting page."""

    name = "reading"
    verbose_name = _("Læsning")
