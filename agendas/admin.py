from django.contrib import admin

from agendas.models import (
    AgendaItem,
    Attachment,
    Comment,
    MemoSection,
    Note,
    RecommendationPoint,
    SubItem,
)
from common.admin import ScopedAdmin
from meetings.models import Meeting, MeetingSeries


def _editable_items(user):
    return AgendaItem.objects.editable_by(user)


class SubItemInline(admin.StackedInline):
    model = SubItem
    extra = 0


class MemoSectionInline(admin.StackedInline):
    model = MemoSection
    extra = 0


class RecommendationInline(admin.TabularInline):
    model = RecommendationPoint
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["position", "title", "is_closed", "page_count", "size", "sha256"]
    readonly_fields = ["page_count", "size", "sha256"]
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # files are added through the attachment form, which checks them


@admin.register(AgendaItem)
class AgendaItemAdmin(ScopedAdmin):
    list_display = ["meeting", "number", "position", "title", "minutes", "is_closed"]
    list_filter = ["is_closed", ("meeting__series", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "meeting__series__name"]
    list_select_related = ["meeting__series"]
    raw_id_fields = ["meeting"]
    inlines = [SubItemInline, RecommendationInline, MemoSectionInline, AttachmentInline]

    def scope(self, queryset, user):
        return queryset.filter(pk__in=_editable_items(user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "meeting" and not request.user.is_superuser:
            kwargs["queryset"] = Meeting.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ItemChildAdmin(ScopedAdmin):
    raw_id_fields = ["item"]

    def scope(self, queryset, user):
        return queryset.filter(item__in=_editable_items(user))


@admin.register(SubItem)
class SubItemAdmin(ItemChildAdmin):
    list_display = ["item", "letter", "title"]


@admin.register(MemoSection)
class MemoSectionAdmin(ItemChildAdmin):
    list_display = ["item", "position", "title", "kind"]


@admin.register(RecommendationPoint)
class RecommendationPointAdmin(ItemChildAdmin):
    list_display = ["item", "number", "text"]


@admin.register(Attachment)
class AttachmentAdmin(ItemChildAdmin):
    list_display = ["item", "position", "title", "page_count", "is_closed"]
    readonly_fields = ["original_filename", "content_type", "size", "page_count",
                       "has_text_layer", "sha256"]
    fields = ["item", "position", "title", "upload", "is_closed", *readonly_fields]

    def get_form(self, request, obj=None, **kwargs):
        from agendas.forms import AttachmentAdminForm

        kwargs["form"] = AttachmentAdminForm
        return super().get_form(request, obj, **kwargs)


@admin.register(Note)
class NoteAdmin(ItemChildAdmin):
    """Notes are private: even in the admin a user sees only their own."""

    list_display = ["item", "author", "created_at"]

    def scope(self, queryset, user):
        return queryset.filter(author=user)

    def get_queryset(self, request):
        return self.scope(super(ScopedAdmin, self).get_queryset(request), request.user)


@admin.register(Comment)
class CommentAdmin(ItemChildAdmin):
    list_display = ["item", "author", "created_at"]

    def scope(self, queryset, user):
        editable_series = MeetingSeries.objects.with_secretariat(user)
        return queryset.filter(item__meeting__series__in=editable_series)
