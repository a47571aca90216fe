from django import forms
from django.utils.translation import gettext_lazy as _

from agendas.attachments import inspect_pdf
from agendas.models import Attachment, Comment, Note
from common.admin import VersionedAdminForm

ANNOTATION_MAX_LENGTH = 5000


class AttachmentAdminForm(VersionedAdminForm):
    """The admin's attachment form: a new file is checked like any upload, so a refused file is
    a form error; the admin's save then adds or replaces it through the services."""

    class Meta:
        model = Attachment
        fields = ["item", "title", "file", "is_closed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Tom: filens navn.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and hasattr(upload, "read") and "file" in self.changed_data:
            upload.seek(0)
            facts = inspect_pdf(upload.read())
            upload.seek(0)
            # What the model's own validation needs; the service stores the file.
            self.instance.size, self.instance.page_count = facts.size, facts.page_count
            self.instance.sha256 = facts.sha256
            self.instance.original_filename = upload.name[:255]
            self.instance.position = self.instance.position or 1
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
