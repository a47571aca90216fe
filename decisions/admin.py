from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy

from agendas.models import AgendaItem, RecommendationPoint
from common.admin import ScopedAdmin, VersionedAdminForm
from decisions import services
from decisions.models import Decision, DecisionPoint, FollowUp
from decisions.notifications import Links
from meetings import admin as meetings_admin
from meetings.models import Meeting
from meetings.services import locked_message


def _locked(item: AgendaItem) -> str | None:
    return locked_message(item.meeting) if item.meeting.minutes_locked else None


def _fields(obj, form) -> dict:
    concrete = {f.name for f in obj._meta.concrete_fields}
    return {name: getattr(obj, name) for name in form.changed_data if name in concrete}


class DecisionPointForm(VersionedAdminForm):
    """A point answers the recommendation points of its own item only."""

    class Meta:
        model = DecisionPoint
        fields = ["decision", "number", "text", "outcome", "answers"]

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision") or getattr(self.instance, "decision", None)
        if decision is not None and cleaned.get("answers") is not None:
            try:
                services.check_answers(item=decision.item, answers=cleaned["answers"])
            except ValidationError as refusal:
                self.add_error("answers", refusal)
        return cleaned


class DecisionPointInline(admin.StackedInline):
    model = DecisionPoint
    form = DecisionPointForm
    extra = 0
    filter_horizontal = ["answers"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only this decision's own item's points are offered (none before it has an item).
        points = (RecommendationPoint.objects.filter(item_id=obj.item_id) if obj
                  else RecommendationPoint.objects.none())
        formset.form.base_fields["answers"].queryset = points
        return formset


class FollowUpInline(admin.StackedInline):
    model = FollowUp
    form = VersionedAdminForm
    extra = 0


@admin.register(Decision)
class DecisionAdmin(ScopedAdmin):
    list_display = ["item"]
    raw_id_fields = ["item"]
    richtext_fields = ("text",)
    inlines = [DecisionPointInline, FollowUpInline]
    list_select_related = ["item__meeting__series"]

    def scope(self, queryset, user):
        return queryset.filter(item__in=AgendaItem.objects.editable_by(user))

    def locked_reason(self, obj):
        return _locked(obj.item) if obj.item_id else None

    def create(self, obj):
        obj.pk = services.decision_create(item=obj.item, text=obj.text,
                                          numbering=obj.numbering).pk

    def update(self, obj, *, expected_version, fields):
        services.decision_update(decision=obj, expected_version=expected_version, fields=fields)

    def remove(self, obj):
        services.decision_delete(decision=obj)

    def save_formset(self, request, form, formset, change):
        """Each point and follow-up through the decisions' services."""
        decision = form.instance
        for row in formset.forms:
            if not row.has_changed() and not (formset.can_delete and row in formset.deleted_forms):
                continue
            obj = row.instance
            if formset.can_delete and row in formset.deleted_forms:
                if obj.pk:
                    (services.decision_point_delete(point=obj) if formset.model is DecisionPoint
                     else services.follow_up_delete(follow_up=obj))
                continue
            obj = row.save(commit=False)
            expected = row.cleaned_data.get("expected_version")
            if formset.model is DecisionPoint:
                answers = row.cleaned_data.get("answers")
                if obj.pk:
                    services.decision_point_update(point=obj, expected_version=expected,
                                                   fields=_fields(obj, row), answers=answers)
                else:
                    services.decision_point_create(
                        decision=decision, number=obj.number, text=obj.text,
                        outcome=obj.outcome, answers=answers or [])
            elif obj.pk:
                services.follow_up_update(follow_up=obj, expected_version=expected,
                                          fields=_fields(obj, row))
            else:
                services.follow_up_create(decision=decision, **{
                    f.name: getattr(obj, f.name) for f in FollowUp._meta.concrete_fields
                    if f.name not in {"id", "decision", "version"}})


class DecisionPartAdmin(ScopedAdmin):
    raw_id_fields = ["decision"]

    def scope(self, queryset, user):
        return queryset.filter(decision__item__in=AgendaItem.objects.editable_by(user))

    def locked_reason(self, obj):
        return _locked(obj.decision.item) if obj.decision_id else None


@admin.register(DecisionPoint)
class DecisionPointAdmin(DecisionPartAdmin):
    form = DecisionPointForm
    list_display = ["decision", "number", "outcome"]
    filter_horizontal = ["answers"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "answers" and not request.user.is_superuser:
            kwargs["queryset"] = RecommendationPoint.objects.filter(
                item__in=AgendaItem.objects.editable_by(request.user))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        """The answers are set by the service in save_model, checked against the item."""

    def save_model(self, request, obj, form, change):
        answers = form.cleaned_data.get("answers", [])
        if change:
            services.decision_point_update(
                point=obj, expected_version=form.cleaned_data.get("expected_version"),
                fields=_fields(obj, form), answers=answers)
        else:
            obj.pk = services.decision_point_create(
                decision=obj.decision, number=obj.number, text=obj.text, outcome=obj.outcome,
                answers=answers).pk

    def remove(self, obj):
        services.decision_point_delete(point=obj)


@admin.register(FollowUp)
class FollowUpAdmin(DecisionPartAdmin):
    list_display = ["description", "owner_unit", "owner_user", "status", "due_date"]
    list_filter = ["status"]

    def create(self, obj):
        obj.pk = services.follow_up_create(decision=obj.decision, **{
            f.name: getattr(obj, f.name) for f in FollowUp._meta.concrete_fields
            if f.name not in {"id", "decision", "version"}}).pk

    def update(self, obj, *, expected_version, fields):
        services.follow_up_update(follow_up=obj, expected_version=expected_version, fields=fields)

    def remove(self, obj):
        services.follow_up_delete(follow_up=obj)


# Approval and publication from the admin go the minutes' way too: with their e-mails.

def _links(request, meeting) -> Links:
    return Links(meeting=request.build_absolute_uri(meeting.get_absolute_url()),
                 follow_ups=request.build_absolute_uri(reverse("decisions:follow_ups")
                                                       + "?mine=1"))


def approve_minutes(request, meeting):
    services.minutes_approve(meeting=meeting, by=request.user, links=_links(request, meeting))


def publish(request, meeting):
    services.meeting_publish(meeting=meeting, by=request.user, links=_links(request, meeting))


class MeetingAdmin(meetings_admin.MeetingAdmin):
    actions = [
        meetings_admin.lifecycle_action(meetings_admin.send_agenda,
                                        gettext_lazy("Send dagsordenen")),
        meetings_admin.lifecycle_action(meetings_admin.start_minutes,
                                        gettext_lazy("Begynd referatet")),
        meetings_admin.lifecycle_action(approve_minutes, gettext_lazy("Godkend referatet")),
        meetings_admin.lifecycle_action(publish, gettext_lazy("Offentliggør mødet")),
        "reopen",
        "cancel",
    ]


admin.site.unregister(Meeting)
admin.site.register(Meeting, MeetingAdmin)
