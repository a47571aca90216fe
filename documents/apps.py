from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """PDF agendas, minutes, memos and the merged referat pack."""

    name = "documents"
    verbose_name = _("Dokumenter")

    def ready(self):
        from documents.section import DocumentsSection
        from reading import sections

        sections.register(DocumentsSection())
