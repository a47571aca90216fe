"""Bilag intake: files received for an item checked, converted and stored (see services.py).

The package's modules, from the outside in: services (receive, add, convert), kinds (what a
file is, by its bytes), inspection and _child (the isolated PDF check), office (LibreOffice),
storage (one copy per content), refusals (the reasons, in Danish).
"""

from agendas.attachments.refusals import AttachmentRefused, Refusal
from agendas.attachments.services import (
    StoredPdf,
    attachment_add,
    attachment_convert,
    attachment_receive,
    pdf_received,
    prepare_pdf,
)

__all__ = ["AttachmentRefused", "Refusal", "StoredPdf", "attachment_add", "attachment_convert",
           "attachment_receive", "pdf_received", "prepare_pdf"]
