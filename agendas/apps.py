from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendasConfig(AppConfig):
    """Agenda items, memos with their recommendation points, attachments, notes and comments."""

    name = "agendas"
    verbose_name = _("Dagsordener")
