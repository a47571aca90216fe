"""Form fields shared by every app's forms and the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.richtext import html_to_plain, plain_text_says_it, sanitize_html, text_to_html


class PlainLabelsMixin:
    """Labels without Django's trailing colon ("Dato", not "Dato:")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class VersionedForm(PlainLabelsMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def validate_constraints(self):
        """An edit's constraints are checked by the versioned save (`save_versioned`), under the
        row's lock, and its refusal comes back to the form; checking them here too would ask
        the database twice. A new row has no versioned save: its form checks them."""
        if self.instance._state.adding:
            super().validate_constraints()

    def changed_fields(self) -> dict:
        """The model fields this form sends, as cleaned (the service saves the changed ones)."""
        return {name: self.cleaned_data[name] for name in self._meta.fields
                if name in self.cleaned_data}


class RichTextWidget(forms.Widget):
    """A text area that `static/js/richtext.js` turns into the rich text editor (Trix, with a
    toolbar for paragraphs, headings, lists, bold, italic and links). Without JavaScript it is
    a plain text area: plain text when the text is only paragraphs and bullets (blank lines
    between paragraphs, "- " for a bullet), else the HTML itself, so that nothing is lost. A
    hidden `<name>__format` field says which the browser sends back."""

    template_name = "common/widgets/richtext.html"

    class Media:
        css = {"all": ["vendor/trix/trix-2.1.19.css", "css/richtext.css"]}
        # richtext.js first: it configures Trix as each editor initialises.
        js = ["js/richtext.js", "vendor/trix/trix-2.1.19.umd.min.js"]

    def __init__(self, attrs=None, rows=8):
        super().__init__({"rows": rows, **(attrs or {})})

    def format_value(self, value):
        return value or ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        html_value = sanitize_html(value or "")
        plain = plain_text_says_it(html_value)
        context["widget"].update({
            "html": html_value,
            "text": html_to_plain(html_value) if plain else html_value,
            "format": "text" if plain else "html",
        })
        return context

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if value is None:
            return None
        if data.get(f"{name}__format") == "text":
            return text_to_html(value)
        return value

    def value_omitted_from_data(self, data, files, name):
        return name not in data


class RichTextField(forms.CharField):
    """Rich text, stored as the sanitised HTML subset of common.richtext."""

    widget = RichTextWidget

    def __init__(self, *, rows=8, **kwargs):
        kwargs.setdefault("required", False)
        kwargs["widget"] = RichTextWidget(rows=rows)
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        return sanitize_html(super().to_python(value))

    def has_changed(self, initial, data):
        return sanitize_html(initial or "") != sanitize_html(data or "")


class LooseDateInput(forms.DateInput):
    """A date typed as Referat shows it ("04-09-2023"); ISO and "4.9.2023" are accepted too."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off",
                          "placeholder": _("dd-mm-åååå"), **(attrs or {})}, format="%d-%m-%Y")


class LooseTimeInput(forms.TimeInput):
    """A time typed "11.00" or "11:00"."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off",
                          "placeholder": _("tt.mm"), **(attrs or {})}, format="%H.%M")
