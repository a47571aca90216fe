from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from common.admin import ScopedAdmin
from meetings.models import Meeting, MeetingSeries, MemoTemplate, StandardItem


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
class MemoTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "layout"]


@admin.register(Meeting)
class MeetingAdmin(ScopedAdmin):
    list_display = ["date", "start_time", "series", "title", "status"]
    list_filter = ["status", ("series", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "date"
    search_fields = ["title", "series__name", "location"]
    list_select_related = ["series"]
    raw_id_fields = ["minutes_approved_in"]

    def scope(self, queryset, user):
        return queryset.filter(pk__in=Meeting.objects.editable_by(user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "series" and not request.user.is_superuser:
            kwargs["queryset"] = MeetingSeries.objects.with_secretariat(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
