from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.admin import HistoryAdmin, ScopedAdmin
from meetings import services
from meetings.models import Meeting, MeetingSeries, MemoTemplate, StandardItem, StatusChange


class StandardItemInline(admin.TabularInline):
    model = StandardItem
    extra = 0


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(ScopedAdmin):
    list_display = ["name", "kind", "period", "layout", "minutes_form"]
    list_filter = ["kind"]
    search_fields = ["name"]
    filter_horizontal = ["members", "secretariat"]
    inlines = [StandardItemInline]

    def scope(self, queryset, user):
        return queryset.filter(pk__in=MeetingSeries.objects.with_secretariat(user))


@admin.register(MemoTemplate)
class MemoTemplateAdmin(HistoryAdmin):
    list_display = ["name", "layout"]


class StatusChangeInline(admin.TabularInline):
    """The lifecycle as it happened: read-only, written by the lifecycle steps alone."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = readonly_fields = ["at", "from_status", "to_status", "by", "reason"]

    def has_add_permission(self, request, obj=None):
        return False


class ReopenForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Begrundelse"), widget=forms.Textarea(
        attrs={"rows": 3}), help_text=gettext_lazy("Gemmes i mødets historik."))


def lifecycle_action(step, description):
    def action(modeladmin, request, queryset):
        for meeting in queryset:
            try:
                step(request, meeting)
            except ValidationError as refusal:
                modeladmin.message_user(request, f"{meeting}: {' '.join(refusal.messages)}",
                                        messages.ERROR)
            else:
                modeladmin.message_user(request, f"{meeting}: {meeting.get_status_display()}",
                                        messages.SUCCESS)

    action.__name__ = step.__name__
    action.short_description = description
    return action


def send_agenda(request, meeting):
    services.meeting_send_agenda(meeting=meeting, by=request.user,
                                 link=request.build_absolute_uri(meeting.get_absolute_url()))


def start_minutes(request, meeting):
    services.minutes_start(meeting=meeting, by=request.user)


def approve_minutes(request, meeting):
    # decisions/admin.py replaces this and `publish` with the steps that also send e-mail.
    services.minutes_approve(meeting=meeting, by=request.user)


def publish(request, meeting):
    services.meeting_publish(meeting=meeting, by=request.user)


@admin.register(Meeting)
class MeetingAdmin(ScopedAdmin):
    list_display = ["date", "start_time", "series", "title", "status"]
    list_filter = ["status", ("series", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "date"
    search_fields = ["title", "series__name", "location"]
    list_select_related = ["series"]
    # The lifecycle is shown, never typed: it moves through the actions below only.
    readonly_fields = sorted(services.LIFECYCLE_FIELDS)
    inlines = [StatusChangeInline]
    actions = [
        lifecycle_action(send_agenda, gettext_lazy("Send dagsordenen")),
        lifecycle_action(start_minutes, gettext_lazy("Begynd referatet")),
        lifecycle_action(approve_minutes, gettext_lazy("Godkend referatet")),
        lifecycle_action(publish, gettext_lazy("Offentliggør mødet")),
        "reopen",
        "cancel",
    ]

    def has_add_permission(self, request):
        # A meeting is created from its series (the series page's "Ny mødeindkaldelse"), which
        # gives it the series' defaults and standard items.
        return False

    def scope(self, queryset, user):
        return queryset.filter(pk__in=Meeting.objects.editable_by(user))

    def locked_reason(self, obj):
        return services.locked_message(obj) if obj.pk and obj.minutes_locked else None

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "series" and not request.user.is_superuser:
            kwargs["queryset"] = MeetingSeries.objects.with_secretariat(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def update(self, obj, *, expected_version, fields):
        services.meeting_update(meeting=obj, expected_version=expected_version, fields=fields)

    @admin.action(description=gettext_lazy("Aflys mødet"))
    def cancel(self, request, queryset):
        for meeting in queryset:
            try:
                services.meeting_cancel(meeting=meeting, by=request.user)
            except ValidationError as refusal:
                self.message_user(request, f"{meeting}: {' '.join(refusal.messages)}",
                                  messages.ERROR)
            else:
                self.message_user(request, _("%(meeting)s er aflyst.") % {"meeting": meeting},
                                  messages.SUCCESS)

    @admin.action(description=gettext_lazy("Genåbn (ét trin tilbage, med begrundelse)"))
    def reopen(self, request, queryset):
        form = ReopenForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            for meeting in queryset:
                try:
                    services.meeting_reopen(meeting=meeting, by=request.user,
                                            reason=form.cleaned_data["reason"])
                except ValidationError as refusal:
                    self.message_user(request, f"{meeting}: {' '.join(refusal.messages)}",
                                      messages.ERROR)
                else:
                    self.message_user(request, _("%(meeting)s er genåbnet: %(status)s") % {
                        "meeting": meeting, "status": meeting.get_status_display()},
                        messages.SUCCESS)
            return None
        return TemplateResponse(request, "admin/meetings/meeting/reopen.html", {
            **self.admin_site.each_context(request), "title": _("Genåbn møder"),
            "meetings": queryset, "form": form, "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME})
