"""One copy per file: identical content is stored once, whatever its name and however often
it is attached; removing one Bilag never removes a file another one uses; a file nobody uses
any more is removed by the prune command, not before."""

import datetime as dt
import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from agendas.attachments.storage import prune_unused_files
from agendas.models import Attachment
from tests.factories import make_item, pdf_bytes

pytestmark = pytest.mark.django_db


def stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return sorted(os.path.relpath(os.path.join(d, f), root)
                  for d, _s, files in os.walk(root) for f in files)


def test_re_uploading_a_file_stores_no_second_copy(upload, item, settings):
    data = pdf_bytes("Klimaplan", pages=2)
    upload(item, ("Klimaplan.pdf", data))
    first = stored_files(settings)

    upload(item, ("Klimaplan.pdf", data))
    upload(make_item(item.meeting), ("kopi med andet navn.pdf", data))

    assert stored_files(settings) == first and len(first) == 1
    assert Attachment.objects.count() == 3
    assert len(set(Attachment.objects.values_list("file", flat=True))) == 1


def test_the_admin_stores_no_second_copy_either(client, item, settings, django_user_model):
    admin = django_user_model.objects.create_superuser("chef", password="x")
    client.force_login(admin)
    data = pdf_bytes("Admin")
    for position in (1, 2):
        with open(settings.MEDIA_ROOT.parent / "upload.pdf", "wb") as handle:
            handle.write(data)
        with open(settings.MEDIA_ROOT.parent / "upload.pdf", "rb") as handle:
            response = client.post("/admin/agendas/attachment/add/", {
                "item": item.pk, "position": position, "title": "", "upload": handle,
                "version": 1})
        assert response.status_code == 302, response.content.decode()[:3000]

    assert len(stored_files(settings)) == 1
    assert Attachment.objects.count() == 2
    assert set(Attachment.objects.values_list("title", flat=True)) == {"upload"}


def test_the_admin_refuses_an_empty_file_in_referats_words(client, item, django_user_model,
                                                          tmp_path):
    admin = django_user_model.objects.create_superuser("chef", password="x")
    client.force_login(admin)
    (tmp_path / "tom.pdf").write_bytes(b"")
    with open(tmp_path / "tom.pdf", "rb") as handle:
        response = client.post("/admin/agendas/attachment/add/", {
            "item": item.pk, "position": 1, "upload": handle, "version": 1})

    html = response.content.decode()
    assert response.status_code == 200
    assert "»tom.pdf« er tom (0 byte)." in html and "Den indsendte fil er tom" not in html


def test_removing_one_bilag_keeps_the_file_another_uses(upload, item, settings):
    data = pdf_bytes("Delt")
    upload(item, ("a.pdf", data), ("b.pdf", data))
    first, second = Attachment.objects.order_by("position")

    first.delete()

    assert second.file.storage.exists(second.file.name)
    with second.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert prune_unused_files(now=timezone.now() + dt.timedelta(days=1)) == []


def test_the_file_of_a_removed_bilag_stays_while_its_history_names_it(upload, item, settings):
    upload(item, ("a.pdf", pdf_bytes("Alene")))
    attachment = Attachment.objects.get()
    name, pk = attachment.file.name, attachment.pk
    attachment.delete()
    later = timezone.now() + dt.timedelta(hours=2)
    assert prune_unused_files(now=later) == []  # the secretariat fetches it from the history
    assert stored_files(settings) == [name]

    Attachment.history.filter(id=pk).delete()  # the history purged: nothing names it now
    assert prune_unused_files() == []  # a young file may belong to an upload in progress
    assert prune_unused_files(now=later, dry_run=True) == [name]
    assert stored_files(settings) == [name]
    assert prune_unused_files(now=later) == [name]
    assert stored_files(settings) == []


def test_the_prune_command_reports_what_it_removed(upload, item, capsys):
    upload(item, ("a.pdf", pdf_bytes("Alene")))
    call_command("prune_attachment_files", "--dry-run")

    assert "0 ubrugte bilagsfiler ville blive fjernet." in capsys.readouterr().out
