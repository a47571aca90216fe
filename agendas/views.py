from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from agendas.models import Attachment


@require_GET
def attachment_download(request, attachment_id: int):
    """Send an attachment's file, to those who may read it only (media is never served raw)."""
    attachment = get_object_or_404(Attachment.objects.visible_to(request.user), pk=attachment_id)
    response = FileResponse(attachment.file.open("rb"), content_type="application/pdf",
                            as_attachment=request.GET.get("hent") == "1",
                            filename=_pdf_filename(attachment.title))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _pdf_filename(title: str) -> str:
    stem = title.removesuffix(".pdf").strip() or "bilag"
    return f"{stem}.pdf"
