"""The meeting editor's forms. Each carries the version it was opened on (`version`), so that a
save based on a stale copy is a conflict shown to the user, not an overwrite."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agendas.models import AgendaItem, Attachment, SubItem
from agendas.services import ITEM_FIELDS, MEMO_HEADER_FIELDS, SUB_ITEM_FIELDS
from agendas.services.bilag import ATTACHMENT_FIELDS
from common.forms import LooseDateInput, PlainLabelsMixin, RichTextField, VersionedForm
from meetings.models import MemoTemplate

MINUTES_ERRORS = {"min_value": _("Tidsforbruget skal være mindst ét minut."),
                  "invalid": _("Skriv tidsforbruget som et helt antal minutter, f.eks. 10.")}


def _minutes_field(label):
    return forms.IntegerField(label=label, required=False, min_value=1, max_value=600,
                              error_messages=MINUTES_ERRORS,
                              widget=forms.NumberInput(attrs={"inputmode": "numeric"}))


class ItemForm(VersionedForm):
    text = RichTextField(label=_("Tekst"))
    minutes = _minutes_field(_("Tidsforbrug (min)"))

    class Meta:
        model = AgendaItem
        fields = ITEM_FIELDS
        widgets = {"guests": forms.Textarea(attrs={"rows": 2})}


class NewItemForm(PlainLabelsMixin, forms.ModelForm):
    minutes = _minutes_field(_("Tidsforbrug (min)"))

    class Meta:
        model = AgendaItem
        fields = ["title", "minutes", "is_closed"]


class SubItemForm(VersionedForm):
    text = RichTextField(label=_("Tekst"), rows=4)
    minutes = _minutes_field(_("Tidsforbrug (min)"))

    class Meta:
        model = SubItem
        fields = SUB_ITEM_FIELDS


class MemoHeaderForm(VersionedForm):
    """The memo's own fields; its sections and recommendation points are read from the post
    by the view (they are rows of their own)."""

    class Meta:
        model = AgendaItem
        fields = MEMO_HEADER_FIELDS
        widgets = {"memo_date": LooseDateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["memo_template"].queryset = MemoTemplate.objects.order_by("name")
        self.fields["memo_template"].empty_label = _("Ingen indstilling")


class AttachmentForm(VersionedForm):
    file = forms.FileField(label=_("Ny fil (PDF)"), required=False,
                           widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
                           help_text=_("Tom: filen bliver den samme."))

    class Meta:
        model = Attachment
        fields = ATTACHMENT_FIELDS


class MemoForm(MemoHeaderForm):
    """The whole memo in one form: its header fields, a rich text field per section of its
    template (`section-<id>`, with the version it was opened on) and its recommendation points
    as an ordered list (`point_id`, `point_version`, `point_text`, in order; `known_points`:
    the points the form was opened with)."""

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = list(sections)
        for section in self.sections:
            if section.kind != MemoTemplate.SectionKind.TEXT:
                continue
            self.fields[f"section-{section.pk}"] = RichTextField(label=section.title,
                                                                 initial=section.body)
            self.fields[f"section-{section.pk}-version"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, initial=section.version)
        self.points = self._points()

    def _points(self) -> list[dict]:
        if not self.is_bound:
            return [{"id": p.pk, "version": p.version, "text": p.text}
                    for p in self.instance.recommendations.order_by("number")]
        ids = self.data.getlist("point_id")
        versions = self.data.getlist("point_version")
        texts = self.data.getlist("point_text")
        return [{"id": _int(pk), "version": _int(version), "text": text}
                for pk, version, text in zip(ids, versions, texts, strict=False)]

    @property
    def known_point_ids(self) -> set[int]:
        if not self.is_bound:
            return {p["id"] for p in self.points}
        return {pk for pk in map(_int, self.data.getlist("known_points")) if pk}

    def section_fields(self):
        return [(section, self[f"section-{section.pk}"], self[f"section-{section.pk}-version"])
                for section in self.sections if f"section-{section.pk}" in self.fields]

    def section_edits(self) -> dict[int, tuple[int | None, str]]:
        return {section.pk: (self.cleaned_data.get(f"section-{section.pk}-version"),
                             self.cleaned_data.get(f"section-{section.pk}", ""))
                for section in self.sections if f"section-{section.pk}" in self.fields}

    def header_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in MEMO_HEADER_FIELDS
                if name in self.cleaned_data}

    def changed_fields(self) -> dict:
        return self.header_fields()


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
