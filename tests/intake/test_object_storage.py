"""Object storage for real: intake, one copy per file, downloads, stored PDFs and backup and
restore against an S3 server the tests start. Downloads still go through the permission
check: the bucket is private and no page or response hands out a bucket URL."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agendas.models import Attachment
from documents.models import RenderedDocument
from meetings.models import Meeting
from tests.factories import make_item, make_meeting, pdf_bytes
from tests.intake import hostile

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_an_upload_lands_in_the_bucket_once_and_comes_back_through_the_checked_view(
        upload, client, item, s3_server, s3_bucket, member, outsider, settings):
    data = pdf_bytes("Klimaplan", pages=2)
    html = upload(item, ("Klimaplan.pdf", data), ("igen.pdf", data),
                  ("beskadiget.pdf", hostile.broken_xref())).content.decode()

    assert html.count('data-outcome="saved"') == 2 and "»beskadiget.pdf« er beskadiget" in html
    first = Attachment.objects.order_by("position").first()
    assert s3_server.keys(s3_bucket) == [first.file.name]
    assert not os.path.exists(settings.MEDIA_ROOT)  # nothing on local disk
    stored = s3_server.read(s3_bucket, first.file.name)
    assert hashlib.sha256(stored).hexdigest() == first.sha256

    grants = s3_server.client().get_object_acl(Bucket=s3_bucket, Key=first.file.name)["Grants"]
    assert all("URI" not in grant["Grantee"] for grant in grants)  # no AllUsers, no public

    Meeting.objects.filter(pk=item.meeting_id).update(status=Meeting.Status.AGENDA_SENT)
    client.force_login(member)
    response = client.get(first.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
    assert s3_server.endpoint not in response.get("Location", "")
    page = client.get(item.get_absolute_url()).content.decode()
    assert first.get_absolute_url() in page and s3_server.endpoint not in page
    client.force_login(outsider)
    assert client.get(first.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_a_bilag_whose_object_is_gone_is_a_clear_404(client, member, series, s3_server,
                                                     s3_bucket):
    item = make_item(make_meeting(series, status=Meeting.Status.AGENDA_SENT))
    from tests.factories import make_attachment

    attachment = make_attachment(item, text="Forsvundet")
    s3_server.client().delete_object(Bucket=s3_bucket, Key=attachment.file.name)
    client.force_login(member)

    response = client.get(attachment.get_absolute_url())

    assert response.status_code == 404
    assert "Filen til dette bilag findes ikke i lageret." in response.content.decode()


@pytest.mark.django_db
def test_a_rendered_pdf_is_stored_in_the_bucket_and_served_from_it(client, member, series,
                                                                   s3_server, s3_bucket):
    meeting = make_meeting(series, items=["Budget"], status=Meeting.Status.AGENDA_SENT)
    client.force_login(member)

    first = client.get(f"/moeder/{meeting.pk}/dagsorden.pdf")
    assert first.status_code == 200
    document = RenderedDocument.objects.get(kind=RenderedDocument.Kind.AGENDA)
    assert document.file.name in s3_server.keys(s3_bucket)
    again = client.get(f"/moeder/{meeting.pk}/dagsorden.pdf")
    body = b"".join(again.streaming_content) if again.streaming else again.content
    assert body == s3_server.read(s3_bucket, document.file.name)
    assert RenderedDocument.objects.filter(kind=RenderedDocument.Kind.AGENDA).count() == 1


def _manage(*args, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO,
                          env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=300)


def test_backup_and_restore_carry_the_bucket_into_an_empty_one(s3_server, tmp_path):
    """An installation with its media in a bucket (on the embedded database, so this needs
    no second PostgreSQL database): Bilag received into the bucket, backed up, restored into
    an empty bucket; a bucket that is not empty is refused."""
    source = {"DATABASE_URL": f"sqlite:///{tmp_path / 'kilde.sqlite3'}",
              **s3_server.environment(s3_server.new_bucket())}
    assert _manage("migrate", "--noinput", env=source).returncode == 0
    made = _manage("shell", "-c", (
        "from tests.factories import make_meeting, make_item, make_attachment, pdf_bytes;"
        "from agendas.attachments import attachment_receive;"
        "m = make_meeting(items=['Budget']); i = m.items.get();"
        "make_attachment(i, text='Budgetnotat');"
        "attachment_receive(item=i, data=pdf_bytes('Budgetnotat'), filename='kopi.pdf')"),
        env=source)
    assert made.returncode == 0, made.stderr
    source_keys = s3_server.keys(source["AWS_STORAGE_BUCKET_NAME"])
    assert len(source_keys) == 1  # two Bilag, one file
    archive = tmp_path / "referat.tar"
    backup = _manage("backup", str(archive), env=source)
    assert backup.returncode == 0, backup.stderr

    target_bucket = s3_server.new_bucket()
    target = {"DATABASE_URL": f"sqlite:///{tmp_path / 'gendannet.sqlite3'}",
              **s3_server.environment(target_bucket)}
    s3_server.client().put_object(Bucket=target_bucket, Key="fremmed.pdf", Body=b"%PDF-1.4")
    refused = _manage("restore", str(archive), env=target)
    assert refused.returncode != 0 and "ikke tom" in refused.stderr
    s3_server.client().delete_object(Bucket=target_bucket, Key="fremmed.pdf")

    restored = _manage("restore", str(archive), env=target)
    assert restored.returncode == 0, restored.stderr
    assert s3_server.keys(target_bucket) == source_keys
    [key] = source_keys
    data = s3_server.read(target_bucket, key)
    assert data == s3_server.read(source["AWS_STORAGE_BUCKET_NAME"], key)
    assert key == f"bilag/{hashlib.sha256(data).hexdigest()[:2]}/" \
                  f"{hashlib.sha256(data).hexdigest()}.pdf"
