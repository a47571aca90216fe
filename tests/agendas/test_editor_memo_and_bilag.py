"""The memo editor (template sections, recommendation points, LIX) and the Bilag list in the
meeting editor."""

import re

import pytest

from agendas.models import AgendaItem, Attachment
from decisions.services import decision_create, decision_point_create
from meetings.models import Meeting, MemoTemplate
from tests.factories import make_attachment, make_item, make_meeting, pdf_bytes

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def signed_in(client, secretary):
    client.force_login(secretary)
    return client


@pytest.fixture
def template_a(db):
    return MemoTemplate.objects.create(name="A: afdelingens indstilling", layout="A", sections=[
        {"title": "INDSTILLING", "kind": "recommendation"},
        {"title": "SAGSFREMSTILLING", "kind": "text"},
        {"title": "ØKONOMI", "kind": "text"},
        {"title": "BILAG", "kind": "attachments"}])


def memo_post(item, **extra):
    data = {"version": item.version, "memo_template": item.memo_template_id or "",
            "memo_title": "", "sending_unit": "", "memo_date": "", "case_officer": "",
            "case_officer_phone": "", "case_officer_email": "", "handling": "gem"}
    for section in item.memo_sections.all():
        data[f"section-{section.pk}"] = section.body
        data[f"section-{section.pk}__format"] = "html"
        data[f"section-{section.pk}-version"] = section.version
    points = list(item.recommendations.order_by("number"))
    data |= {"point_id": [p.pk for p in points], "point_version": [p.version for p in points],
             "point_text": [p.text for p in points], "known_points": [p.pk for p in points]}
    data.update(extra)
    return data


def test_choosing_a_template_gives_the_memo_its_sections(signed_in, meeting, template_a):
    item = meeting.items.first()
    response = signed_in.post(f"/punkter/{item.pk}/indstilling/", memo_post(
        item, memo_template=template_a.pk, sending_unit="Effekt – Mål, Økonomi og Boliger",
        memo_date="06-09-2023"), **HTMX)
    assert response.status_code == 200
    item.refresh_from_db()
    assert [s.title for s in item.memo_sections.all()] == [
        "INDSTILLING", "SAGSFREMSTILLING", "ØKONOMI", "BILAG"]
    assert f"{item.memo_date:%d-%m-%Y}" == "06-09-2023"
    form = signed_in.get(f"/punkter/{item.pk}/indstilling/", **HTMX).content.decode()
    assert form.count('class="richtext-field"') == 2  # the two text sections


def test_points_are_added_moved_and_removed_without_saving_until_save(signed_in, meeting,
                                                                     template_a):
    item = make_item(meeting, title="Klimaplan", memo_template=template_a)
    url = f"/punkter/{item.pk}/indstilling/"
    data = memo_post(item, handling="tilfoej")
    response = signed_in.post(url, data, **HTMX)
    assert response.status_code == 200
    assert f'id="point-{item.pk}-1"' in response.content.decode()
    assert " autofocus" in response.content.decode()
    data = memo_post(item, point_id=["", ""], point_version=["", ""],
                     point_text=["at A godkendes", "at B godkendes"], handling="op-1")
    moved = signed_in.post(url, data, **HTMX).content.decode()
    assert moved.index("at B godkendes") < moved.index("at A godkendes")
    assert not item.recommendations.exists()  # nothing saved yet
    data["handling"] = "gem"
    assert signed_in.post(url, data, **HTMX).status_code == 200
    assert [(p.number, p.text) for p in item.recommendations.all()] == [
        (1, "at A godkendes"), (2, "at B godkendes")]


def test_editing_a_point_in_the_memo_keeps_the_decision_that_answers_it(signed_in, series,
                                                                       template_a):
    meeting = make_meeting(series, status=Meeting.Status.MINUTES_DRAFT)
    item = make_item(meeting, title="Klimaplan", memo_template=template_a)
    signed_in.post(f"/punkter/{item.pk}/indstilling/", memo_post(
        item, point_id=["", ""], point_version=["", ""],
        point_text=["at planen godkendes", "at midlerne disponeres"]), **HTMX)
    second = item.recommendations.get(number=2)
    point = decision_point_create(decision=decision_create(item=item), text="Godkendt.",
                                  outcome="godkendt", answers=[second])
    item.refresh_from_db()
    data = memo_post(item)
    data["point_text"] = ["at planen godkendes", "at midlerne på 8 mio. kr. disponeres"]
    assert signed_in.post(f"/punkter/{item.pk}/indstilling/", data, **HTMX).status_code == 200
    assert [(p.number, p.text) for p in point.answers.all()] == [
        (2, "at midlerne på 8 mio. kr. disponeres")]


def test_an_empty_point_is_refused_with_the_form_kept(signed_in, meeting, template_a):
    item = make_item(meeting, title="Klimaplan", memo_template=template_a)
    response = signed_in.post(f"/punkter/{item.pk}/indstilling/", memo_post(
        item, point_id=[""], point_version=[""], point_text=["  "],
        memo_title="Klimaplan i MSB"), **HTMX)
    assert response.status_code == 422
    body = response.content.decode()
    assert "Et indstillingspunkt kan ikke være tomt" in body
    assert 'value="Klimaplan i MSB"' in body  # nothing typed is lost
    assert AgendaItem.objects.get(pk=item.pk).memo_title == ""


def test_the_lix_is_computed_from_the_unsaved_text(signed_in, meeting, template_a):
    item = make_item(meeting, title="Klimaplan", memo_template=template_a)
    section = item.memo_sections.get(title="SAGSFREMSTILLING")
    data = memo_post(item, handling="lix")
    data[f"section-{section.pk}"] = "<p>Hunden løb. Katten sprang over plankeværket</p>"
    response = signed_in.post(f"/punkter/{item.pk}/indstilling/", data, **HTMX)
    assert response.status_code == 200
    assert "LIX: 20 (meget let)" in response.content.decode()
    data[f"section-{section.pk}"] = ("<p>Organisationsudviklingsprojektets implementeringsfase "
                                     "forudsætter tværorganisatorisk koordinering.</p>")
    harder = signed_in.post(f"/punkter/{item.pk}/indstilling/", data, **HTMX).content.decode()
    assert re.search(r"LIX: (\d+)", harder).group(1) != "20"
    assert AgendaItem.objects.get(pk=item.pk).memo_sections.get(pk=section.pk).body == ""


def test_a_section_written_as_plain_text_keeps_its_paragraphs_and_ampersands(
        signed_in, meeting, template_a):
    item = make_item(meeting, title="Klimaplan", memo_template=template_a)
    section = item.memo_sections.get(title="ØKONOMI")
    data = memo_post(item)
    data[f"section-{section.pk}"] = "Drift & anlæg\n\n- 8 mio. kr.\n- 2 årsværk"
    data[f"section-{section.pk}__format"] = "text"
    assert signed_in.post(f"/punkter/{item.pk}/indstilling/", data, **HTMX).status_code == 200
    section.refresh_from_db()
    assert section.body == "<p>Drift &amp; anlæg</p><ul><li>8 mio. kr.</li><li>2 årsværk</li></ul>"


def test_a_stale_memo_is_a_conflict_that_keeps_the_users_text(signed_in, meeting, template_a):
    item = make_item(meeting, title="Klimaplan", memo_template=template_a)
    section = item.memo_sections.get(title="SAGSFREMSTILLING")
    stale = memo_post(item)
    fresh = memo_post(item)
    fresh[f"section-{section.pk}"] = "<p>Kollegaens tekst</p>"
    assert signed_in.post(f"/punkter/{item.pk}/indstilling/", fresh, **HTMX).status_code == 200
    stale[f"section-{section.pk}"] = "<p>Min egen tekst</p>"
    response = signed_in.post(f"/punkter/{item.pk}/indstilling/", stale, **HTMX)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Kollegaens tekst" in body and "Min egen tekst" in body
    section.refresh_from_db()
    assert section.body == "<p>Kollegaens tekst</p>"


def test_two_pdfs_are_uploaded_and_a_bad_file_is_listed_by_name(signed_in, meeting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    item = meeting.items.first()
    files = [SimpleUploadedFile("Bilag 1 - Økonomi.pdf", pdf_bytes("Økonomi", 2),
                                "application/pdf"),
             SimpleUploadedFile("Klimaplan.pdf", pdf_bytes("Klimaplan", 3), "application/pdf"),
             SimpleUploadedFile("notat.pdf", b"<html>ikke en pdf</html>", "application/pdf")]
    response = signed_in.post(f"/punkter/{item.pk}/bilag/", {"files": files}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    # Titles are the file names without ".pdf"; the refusal names the file and says why.
    assert "Bilag 1: Bilag 1 - Økonomi" in body and "Bilag 2: Klimaplan" in body
    assert "»notat.pdf« er ikke en PDF-fil, men en webside (HTML)." in body
    assert "2 filer er gemt som bilag. 1 fil blev afvist." in body
    assert [(a.position, a.page_count) for a in item.attachments.all()] == [(1, 2), (2, 3)]


def test_an_upload_without_files_is_refused(signed_in, meeting):
    item = meeting.items.first()
    response = signed_in.post(f"/punkter/{item.pk}/bilag/", {}, **HTMX)
    assert response.status_code == 422
    assert "Vælg en eller flere filer, og prøv igen." in response.content.decode()


def test_a_bilag_is_renamed_closed_moved_and_removed_without_gaps(signed_in, meeting):
    item = meeting.items.first()
    first, second, third = (make_attachment(item, text=t) for t in ("Et", "To", "Tre"))
    response = signed_in.post(f"/bilag/{second.pk}/rediger/", {
        "title": "Økonomisk fordeling", "is_closed": "on", "version": second.version}, **HTMX)
    assert response.status_code == 200
    assert "Lukket bilag" in response.content.decode()
    second.refresh_from_db()
    assert (second.title, second.is_closed) == ("Økonomisk fordeling", True)
    signed_in.post(f"/bilag/{third.pk}/flyt/", {"by": "-1"}, **HTMX)
    signed_in.post(f"/bilag/{first.pk}/slet/", **HTMX)
    assert [(a.position, a.title) for a in item.attachments.all()] == [
        (1, "Tre"), (2, "Økonomisk fordeling")]


def test_a_new_file_behind_a_bilag_keeps_its_number_and_title(signed_in, meeting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    item = meeting.items.first()
    attachment = make_attachment(item, text="Udkast", title="Klimaplan")
    response = signed_in.post(f"/bilag/{attachment.pk}/rediger/", {
        "title": "Klimaplan", "version": attachment.version,
        "file": SimpleUploadedFile("ny.pdf", pdf_bytes("Endelig", 4), "application/pdf")},
        **HTMX)
    assert response.status_code == 200
    attachment.refresh_from_db()
    assert (attachment.position, attachment.title, attachment.page_count) == (1, "Klimaplan", 4)


def test_a_damaged_replacement_is_refused_and_the_old_file_stays(signed_in, meeting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    item = meeting.items.first()
    attachment = make_attachment(item, text="Udkast")
    sha = attachment.sha256
    response = signed_in.post(f"/bilag/{attachment.pk}/rediger/", {
        "title": "Udkast", "version": attachment.version,
        "file": SimpleUploadedFile("ny.pdf", b"", "application/pdf")}, **HTMX)
    assert response.status_code == 422
    assert Attachment.objects.get(pk=attachment.pk).sha256 == sha
