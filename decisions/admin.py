from django.contrib import admin

from agendas.models import AgendaItem, RecommendationPoint
from common.admin import ScopedAdmin
from decisions.models import Decision, DecisionPoint, FollowUp


class EditableAnswersMixin:
    """The recommendation points offered as answers are those of items the user edits only."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "answers" and not request.user.is_superuser:
            kwargs["queryset"] = RecommendationPoint.objects.filter(
                item__in=AgendaItem.objects.editable_by(request.user))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class DecisionPointInline(EditableAnswersMixin, admin.StackedInline):
    model = DecisionPoint
    extra = 0
    filter_horizontal = ["answers"]


class FollowUpInline(admin.StackedInline):
    model = FollowUp
    extra = 0


@admin.register(Decision)
class DecisionAdmin(ScopedAdmin):
    list_display = ["item"]
    raw_id_fields = ["item"]
    inlines = [DecisionPointInline, FollowUpInline]
    list_select_related = ["item__meeting__series"]

    def scope(self, queryset, user):
        return queryset.filter(item__in=AgendaItem.objects.editable_by(user))


@admin.register(DecisionPoint)
class DecisionPointAdmin(EditableAnswersMixin, ScopedAdmin):
    list_display = ["decision", "number", "outcome"]
    raw_id_fields = ["decision"]
    filter_horizontal = ["answers"]

    def scope(self, queryset, user):
        return queryset.filter(decision__item__in=AgendaItem.objects.editable_by(user))


@admin.register(FollowUp)
class FollowUpAdmin(ScopedAdmin):
    list_display = ["description", "owner_unit", "owner_user", "status", "due_date"]
    list_filter = ["status"]
    raw_id_fields = ["decision"]

    def scope(self, queryset, user):
        return queryset.filter(decision__item__in=AgendaItem.objects.editable_by(user))
