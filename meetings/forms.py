"""Forms for a meeting's header, used by the secretariat's pages."""

from django import forms
from django.contrib.auth import get_user_model

from common.forms import LooseDateInput, LooseTimeInput, PlainLabelsMixin, VersionedForm
from meetings.models import Meeting


class MeetingHeaderForm(VersionedForm):
    """The meeting's header: when, where, who takes the minutes, and the committee layout's
    sender details."""

    class Meta:
        model = Meeting
        fields = ["title", "date", "start_time", "end_time", "location", "information", "guests",
                  "minute_taker", "document_date", "case_number", "contact_name",
                  "contact_phone", "contact_email"]
        widgets = {"date": LooseDateInput(), "start_time": LooseTimeInput(),
                   "end_time": LooseTimeInput(), "document_date": LooseDateInput(),
                   "information": forms.Textarea(attrs={"rows": 3}),
                   "guests": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        series = self.instance.series
        people = get_user_model().objects.filter(
            pk__in=[*series.members.values_list("pk", flat=True),
                    *series.secretariat.values_list("pk", flat=True)]).order_by(
            "first_name", "last_name", "username")
        self.fields["minute_taker"].queryset = people
        self.fields["minute_taker"].label_from_instance = (
            lambda user: user.get_full_name() or user.get_username())


class MeetingCreateForm(PlainLabelsMixin, forms.ModelForm):
    """A new meeting of a series, its defaults filled in."""

    class Meta:
        model = Meeting
        fields = ["date", "start_time", "end_time", "location", "title"]
        widgets = {"date": LooseDateInput(), "start_time": LooseTimeInput(),
                   "end_time": LooseTimeInput()}
