from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    """Who changed what and when: history pages, diffs, restore and the series' audit."""

    name = "history"
    verbose_name = _("Historik")

    def ready(self):
        from simple_history.signals import pre_create_historical_record

        from history.reasons import apply_reason

        pre_create_historical_record.connect(apply_reason,
                                             dispatch_uid="history-change-reason")
