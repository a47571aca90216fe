from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Meeting series, meetings and their lifecycle."""

    name = "meetings"
    verbose_name = _("Møder")

    def ready(self):
        from meetings.versions import MeetingPart, m2m_changed_handler

        # Many-to-many rows are written by their own through models: follow them for every
        # model readers see (meetings/versions.py).
        for model in apps.get_models():
            if issubclass(model, MeetingPart):
                for field in model._meta.local_many_to_many:
                    m2m_changed.connect(m2m_changed_handler, sender=field.remote_field.through,
                                        dispatch_uid=f"content-version-{field.remote_field.through._meta.label}")
