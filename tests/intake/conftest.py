import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import make_item, make_meeting


@pytest.fixture
def item(series):
    return make_item(make_meeting(series), title="Budgetopfølgning")


@pytest.fixture
def upload(client, secretary):
    """POST files to an item's upload as its secretariat (htmx, like the editor's page)."""
    client.force_login(secretary)

    def send(item, *files, htmx=True, **fields):
        data = {"files": [SimpleUploadedFile(name, content) for name, content in files],
                **fields}
        headers = {"HX-Request": "true"} if htmx else {}
        return client.post(reverse("agendas:attachment_upload", args=[item.pk]), data,
                           headers=headers)

    return send


from tests.intake.s3 import s3_bucket, s3_server  # noqa: E402,F401 - fixtures
