"""The minute taker's forms. They check the shape of what is sent; the rules are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import LooseDateInput, VersionedForm
from decisions.models import Decision, DecisionPoint, FollowUp, Outcome


class AnswersField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return _("Ad %(number)s)") % {"number": obj.number}


class PointAddForm(forms.Form):
    text = forms.CharField(label=_("Nyt beslutningspunkt"), widget=forms.Textarea(
        attrs={"rows": 2}), max_length=5000)
    outcome = forms.ChoiceField(label=_("Udfald"), choices=Outcome.choices,
                                initial=Outcome.GODKENDT)
    answers = AnswersField(label=_("Svarer på"), required=False, queryset=None)

    def __init__(self, *args, item, **kwargs):
        kwargs.setdefault("auto_id", f"item-{item.pk}-new-point-%s")
        super().__init__(*args, **kwargs)
        self.fields["answers"].queryset = item.recommendations.all()
        self.fields["outcome"].error_messages["invalid_choice"] = _(
            "Vælg et udfald fra listen.")


class PointEditForm(VersionedForm):
    """A point's outcome and what it answers (its text saves itself as it is typed)."""

    answers = AnswersField(label=_("Svarer på"), required=False, queryset=None)

    class Meta:
        model = DecisionPoint
        fields = ["outcome"]
        error_messages = {"outcome": {"invalid_choice": _("Vælg et udfald fra listen.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        point = self.instance
        self.auto_id = f"point-{point.pk}-%s"
        self.fields["answers"].queryset = point.decision.item.recommendations.all()
        if not self.is_bound:
            self.initial["answers"] = [r.pk for r in point.answers.all()]


class NumberingForm(forms.Form):
    numbering = forms.ChoiceField(label=_("Beslutningspunkternes form"),
                                  choices=Decision.Numbering.choices, widget=forms.RadioSelect)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FollowUpForm(VersionedForm):
    class Meta:
        model = FollowUp
        fields = ["description", "owner_user", "owner_unit", "due_date", "opened_on"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}),
                   "due_date": LooseDateInput(), "opened_on": LooseDateInput()}
        labels = {"owner_user": _("Ansvarlig person"), "owner_unit": _("eller ansvarlig enhed"),
                  "opened_on": _("Oprettet")}
        help_texts = {"opened_on": _("Tom: mødets dato."), "owner_unit": _('F.eks. "FAS".')}

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = self.fields["owner_user"].queryset.filter(
            pk__in=[p.pk for p in people])
        self.fields["owner_user"].label_from_instance = (
            lambda user: user.get_full_name() or user.get_username())
        self.fields["opened_on"].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("owner_user") and not (cleaned.get("owner_unit") or "").strip():
            self.add_error("owner_unit", _("Vælg, hvem der følger op: en person eller en enhed "
                                           "(f.eks. FAS)."))
        return cleaned

    def validate_constraints(self):
        """The owner is checked above with a message that says what to do; the service
        validates the row's constraints again when it saves."""


class FollowUpStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUp.Status.choices)
    closed_on = forms.DateField(label=_("Afsluttet"), required=False, widget=LooseDateInput(),
                                help_text=_("Tom: i dag."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Begrundelse"), widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000)
