"""The hostile set: every file a secretariat should not be able to turn into a Bilag is
refused through the upload with its own Danish message naming the file, never a 5xx, and
nothing is stored; what may be stored is stored safely."""

import hashlib
import io
import os

import pikepdf
import pytest

from agendas.models import Attachment
from tests.factories import pdf_bytes
from tests.intake import hostile

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore::pikepdf.PageCopyWarning")]


def streams_of(data: bytes) -> bytes:
    """Every stream the file holds, decoded: what anyone could recover from it."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return b"".join(obj.read_bytes() for obj in pdf.objects
                        if isinstance(obj, pikepdf.Stream))

REFUSED = [
    ("kode.pdf", hostile.encrypted_user_password, "beskyttet med en adgangskode, der skal "
                                                  "bruges for at åbne den"),
    ("ejer.pdf", hostile.encrypted_owner_password_only, "krypteret med en ejeradgangskode"),
    ("script.pdf", hostile.javascript, "indeholder JavaScript"),
    ("aabn.pdf", hostile.open_action, "udføres, når filen åbnes (OpenAction)"),
    ("klik.pdf", hostile.additional_actions, "ved åbning, lukning eller klik (AA)"),
    ("start.pdf", hostile.launch, "starter et andet program (Launch)"),
    ("send.pdf", hostile.submit_form, "sender data til en server (SubmitForm)"),
    ("hent.pdf", hostile.import_data, "henter data fra en anden fil (ImportData)"),
    ("video.pdf", hostile.rich_media, "multimedie (RichMedia)"),
    ("med-fil.pdf", hostile.embedded_file, "vedhæftede filer inde i PDF-filen"),
    ("formular.pdf", hostile.xfa, "XFA-formular"),
    ("xref.pdf", hostile.broken_xref, "er beskadiget: kontrollen (qpdf) fandt fejl"),
    ("halv.pdf", hostile.truncated, "er beskadiget: kontrollen (qpdf) fandt fejl"),
    ("tom.pdf", lambda: b"", "er tom (0 byte)"),
    ("foto.pdf", hostile.jpeg, "er ikke en PDF-fil, men et billede (JPEG)"),
    ("side.pdf", hostile.html, "er ikke en PDF-fil, men en webside (HTML)"),
    ("polyglot.pdf", hostile.png_html_polyglot, "er ikke en PDF-fil, men et billede (PNG)"),
    ("notat.docx", hostile.html, "er ikke det kontordokument, navnet siger, men en webside"),
]


@pytest.mark.parametrize(("name", "make", "reason"), REFUSED,
                         ids=[name for name, _make, _reason in REFUSED])
def test_a_hostile_file_is_refused_with_its_own_message_naming_it(upload, item, name, make,
                                                                  reason):
    response = upload(item, (name, make()))

    assert response.status_code == 422  # refused: the fragment lists the reason
    html = response.content.decode()
    assert f"»{name}«" in html and reason in html
    assert 'data-outcome="refused"' in html
    assert not Attachment.objects.exists()


def test_each_reason_has_a_message_of_its_own():
    reasons = [reason for _name, _make, reason in REFUSED]
    duplicates = {r for r in reasons if reasons.count(r) > 1}
    assert duplicates == {"er beskadiget: kontrollen (qpdf) fandt fejl"}  # two kinds of damage


def test_djangos_generic_empty_file_message_is_never_shown(upload, item):
    html = upload(item, ("tom.pdf", b"")).content.decode()

    assert "Den indsendte fil er tom" not in html
    assert "»tom.pdf« er tom (0 byte). Vælg den rigtige fil, og prøv igen." in html


def test_a_refused_batch_leaves_nothing_in_storage(upload, item, settings):
    upload(item, *[(name, make()) for name, make, _reason in REFUSED])

    media = settings.MEDIA_ROOT
    stored = [os.path.join(d, f) for d, _s, files in os.walk(media) for f in files]
    assert stored == []


def test_a_file_named_to_climb_out_of_media_is_stored_by_its_content(upload, item, settings,
                                                                     tmp_path):
    data = pdf_bytes("Adgangskoder")
    response = upload(item, ("../../etc/passwd.pdf", data))

    assert response.status_code == 200
    attachment = Attachment.objects.get()
    assert attachment.original_filename == "passwd.pdf"
    assert attachment.title == "passwd"
    assert attachment.file.name == f"bilag/{attachment.sha256[:2]}/{attachment.sha256}.pdf"
    everything = [os.path.join(d, f) for d, _s, files in os.walk(tmp_path) for f in files]
    media = str(settings.MEDIA_ROOT)
    assert [path for path in everything if not path.startswith(media)] == []
    assert not any(path.endswith("passwd.pdf") for path in everything)


def test_an_incremental_update_is_stored_as_its_current_revision_only(upload, item):
    data = hostile.incremental_update("Hemmelig første udgave", "Endelig udgave")
    assert b"Hemmelig" in streams_of(data)  # the earlier revision is in what was sent

    upload(item, ("opdateret.pdf", data))

    attachment = Attachment.objects.get()
    with attachment.file.open("rb") as stored:
        kept = stored.read()
    assert hashlib.sha256(kept).hexdigest() == attachment.sha256
    assert "Endelig udgave" in attachment.text
    assert b"/Prev" not in kept
    assert b"Hemmelig" not in streams_of(kept)
    assert b"Endelig udgave" in streams_of(kept)


def test_a_pdf_without_a_text_layer_is_kept_and_marked(upload, item):
    upload(item, ("scanning.pdf", hostile.without_text_layer()))

    attachment = Attachment.objects.get()
    assert attachment.page_count == 1
    assert attachment.has_text_layer is False
    assert attachment.text.strip() == ""


def test_a_pdf_with_text_is_marked_as_having_a_text_layer(upload, item):
    upload(item, ("tekst.pdf", pdf_bytes("Klimaplan", pages=3)))

    attachment = Attachment.objects.get()
    assert attachment.has_text_layer is True and "Klimaplan 3" in attachment.text


def test_a_plain_destination_as_open_action_is_no_active_content(upload, item):
    """Word and LibreOffice write "open at page 1" as an OpenAction array: that is no action."""
    with pikepdf.open(io.BytesIO(pdf_bytes("Åbner på side 1"))) as pdf:
        pdf.Root.OpenAction = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])
        out = io.BytesIO()
        pdf.save(out)

    html = upload(item, ("side1.pdf", out.getvalue())).content.decode()

    assert 'data-outcome="saved"' in html and Attachment.objects.count() == 1
