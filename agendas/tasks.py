"""Background work of the agendas app (Django's tasks framework; `manage.py db_worker`)."""

from django.tasks import task

from agendas.attachments.services import attachment_convert


@task()
def convert_attachment(conversion_id: int) -> None:
    """An office file received for an item: to PDF, checked, made a Bilag (or failed, with
    the reason on the conversion)."""
    attachment_convert(conversion_id=conversion_id)
