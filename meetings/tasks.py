"""Background work of the meetings app (Django's tasks framework; `manage.py db_worker`)."""

from django.core.mail import EmailMessage, mailers
from django.tasks import task


@task()
def send_mails(*, subject: str, body: str, recipients: list[str]) -> int:
    """Send the same message to each recipient on its own, over one connection."""
    messages = [EmailMessage(subject=subject, body=body, to=[address]) for address in recipients]
    with mailers.default as connection:
        return connection.send_messages(messages) or 0
