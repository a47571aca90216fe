import tempfile
from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from agendas.attachments.services import pdf_received
from agendas.models import Attachment, Comment, Note
from common.admin import VersionedAdminForm

ANNOTATION_MAX_LENGTH = 5000


class AttachmentAdminForm(VersionedAdminForm):
    """The admin's attachment form: a new file (a PDF) is checked in isolation and stored once
    per content when the form is cleaned, so a refused file is a form error in Referat's words;
    the admin's save then adds or replaces the Bilag through the services. Office files are
    converted from the meeting editor's upload."""

    # An empty file is refused by the intake, in its own words (naming the file).
    upload = forms.FileField(label=_("fil"), required=False, allow_empty_file=True,
                             help_text=_("En PDF-fil. Tom: behold den nuværende fil."))

    class Meta:
        model = Attachment
        fields = ["item", "title", "is_closed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Tom: filens navn.")
        self.fields["upload"].required = self.instance.pk is None
        self.checked_pdf = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            with tempfile.TemporaryDirectory(prefix="referat-bilag-") as work:
                self.checked_pdf = pdf_received(upload, filename=upload.name,
                                                workdir=Path(work))
        return upload


def _annotation_text(*, required: str, too_long: str) -> forms.CharField:
    # Label and help text live in agendas/_annotation_form.html, which draws the field.
    return forms.CharField(max_length=ANNOTATION_MAX_LENGTH,
                           error_messages={"required": required, "max_length": too_long})


class NoteForm(forms.ModelForm):
    text = _annotation_text(
        required=_("Skriv en note, før du gemmer."),
        too_long=_("En note kan højst være %(limit_value)d tegn (den har %(show_value)d)."))

    class Meta:
        model = Note
        fields = ["text"]


class CommentForm(forms.ModelForm):
    text = _annotation_text(
        required=_("Skriv en kommentar, før du gemmer."),
        too_long=_("En kommentar kan højst være %(limit_value)d tegn (den har "
                   "%(show_value)d)."))

    class Meta:
        model = Comment
        fields = ["text"]
