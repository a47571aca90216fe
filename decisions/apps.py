from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    """Decisions with numbered points and the follow-ups they start."""

    name = "decisions"
    verbose_name = _("Beslutninger")
