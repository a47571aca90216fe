from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data typed from the 2023 MSB meeting packs, and the load_demo command."""

    name = "demo"
    verbose_name = "Demodata"
