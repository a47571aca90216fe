from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OparlConfig(AppConfig):
    """Open data: the public meetings as an OParl 1.1 read API (/oparl/v1/)."""

    name = "oparl"
    verbose_name = _("Åbne data (OParl)")
