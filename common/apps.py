from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Helpers shared by the domain apps: rich text, versioned rows, error pages."""

    name = "common"
    verbose_name = "Fælles"
