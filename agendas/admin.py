from django.contrib import admin

from agendas import services
from agendas.attachments import attachment_add
from agendas.models import (
    AgendaItem,
    Attachment,
    Comment,
    MemoSection,
    Note,
    RecommendationPoint,
    SubItem,
)
from agendas.services import bilag
from common.admin import ScopedAdmin
from meetings.models import Meeting, MeetingSeries
from meetings.services import locked_message


def _editable_items(user):
    return AgendaItem.objects.editable_by(user)


def _locked(meeting: Meeting | None) -> str | None:
    return locked_message(meeting) if meeting is not None and meeting.minutes_locked else None


class ShownInline(admin.TabularInline):
    """An item's parts, shown on the item's page; each is changed on its own page (or in the
    meeting editor), where its rules apply."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SubItemInline(ShownInline):
    model = SubItem
    fields = ["letter", "title", "minutes"]


class MemoSectionInline(ShownInline):
    model = MemoSection
    fields = ["position", "title", "kind"]


class RecommendationInline(ShownInline):
    model = RecommendationPoint
    fields = ["number", "text"]


class AttachmentInline(ShownInline):
    model = Attachment
    fields = ["position", "title", "is_closed", "page_count", "size"]


@admin.register(AgendaItem)
class AgendaItemAdmin(ScopedAdmin):
    list_display = ["meeting", "number", "position", "title", "minutes", "is_closed"]
    list_filter = ["is_closed", ("meeting__series", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "meeting__series__name"]
    list_select_related = ["meeting__series"]
    raw_id_fields = ["meeting"]
    richtext_fields = ("text",)
    # Number and place follow the numbering rules (agendas.services), never typed.
    exclude = ["number", "position"]
    readonly_fields = ["number", "position"]
    inlines = [SubItemInline, RecommendationInline, MemoSectionInline, AttachmentInline]

    def scope(self, queryset, user):
        return queryset.filter(pk__in=_editable_items(user))

    def locked_reason(self, obj):
        return _locked(obj.meeting if obj.meeting_id else None)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "meeting" and not request.user.is_superuser:
            kwargs["queryset"] = Meeting.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def create(self, obj):
        fields = {name: getattr(obj, name) for name in
                  (*services.ITEM_FIELDS, *services.MEMO_HEADER_FIELDS)}
        created = services.agenda_item_create(meeting=obj.meeting, **fields)
        obj.pk, obj.number, obj.position = created.pk, created.number, created.position

    def update(self, obj, *, expected_version, fields):
        item_fields = {k: v for k, v in fields.items() if k in services.ITEM_FIELDS}
        memo_fields = {k: v for k, v in fields.items() if k in services.MEMO_HEADER_FIELDS}
        services.agenda_item_update(item=obj, expected_version=expected_version,
                                    fields=item_fields)
        if memo_fields:
            services.memo_update(item=obj, expected_version=None, fields=memo_fields,
                                 sections={})

    def remove(self, obj):
        services.agenda_item_delete(item=obj)


class ItemPartAdmin(ScopedAdmin):
    raw_id_fields = ["item"]

    def scope(self, queryset, user):
        return queryset.filter(item__in=_editable_items(user))

    def locked_reason(self, obj):
        return _locked(obj.item.meeting if obj.item_id else None)


@admin.register(SubItem)
class SubItemAdmin(ItemPartAdmin):
    list_display = ["item", "letter", "title"]
    exclude = ["letter", "position"]
    richtext_fields = ("text",)

    def create(self, obj):
        created = services.sub_item_create(
            item=obj.item, **{name: getattr(obj, name) for name in services.SUB_ITEM_FIELDS})
        obj.pk = created.pk

    def update(self, obj, *, expected_version, fields):
        services.sub_item_update(sub=obj, expected_version=expected_version, fields=fields)

    def remove(self, obj):
        services.sub_item_delete(sub=obj)


@admin.register(MemoSection)
class MemoSectionAdmin(ItemPartAdmin):
    """A memo's sections come from its template; here only their text changes."""

    list_display = ["item", "position", "title", "kind"]
    readonly_fields = ["item", "position", "title", "kind"]
    raw_id_fields = []
    richtext_fields = ("body",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def update(self, obj, *, expected_version, fields):
        services.memo_update(item=obj.item, expected_version=None, fields={},
                             sections={obj.pk: (expected_version, fields.get("body", obj.body))})


@admin.register(RecommendationPoint)
class RecommendationPointAdmin(ItemPartAdmin):
    list_display = ["item", "number", "text"]
    readonly_fields = ["number"]

    def get_readonly_fields(self, request, obj=None):
        return ["number", "item"] if obj else ["number"]

    def create(self, obj):
        obj.pk = services.recommendation_point_add(item=obj.item, text=obj.text).pk

    def update(self, obj, *, expected_version, fields):
        services.recommendation_point_update(point=obj, expected_version=expected_version,
                                             text=fields.get("text", obj.text))

    def remove(self, obj):
        services.recommendation_point_delete(point=obj)


@admin.register(Attachment)
class AttachmentAdmin(ItemPartAdmin):
    list_display = ["item", "position", "title", "page_count", "is_closed"]
    readonly_fields = ["position", "original_filename", "content_type", "size", "page_count",
                       "has_text_layer", "sha256"]
    fields = ["item", "title", "upload", "is_closed", *readonly_fields]

    def get_form(self, request, obj=None, **kwargs):
        from agendas.forms import AttachmentAdminForm

        kwargs["form"] = AttachmentAdminForm
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        # The form has checked and stored a new file (form.checked_pdf); the services attach it.
        checked = form.checked_pdf
        if not change:
            created = attachment_add(item=obj.item, data=checked, filename=checked.filename,
                                     title=obj.title, is_closed=obj.is_closed)
            obj.pk = created.pk
            return
        expected = form.cleaned_data.get("expected_version")
        fields = {name: getattr(obj, name) for name in form.changed_data
                  if name in bilag.ATTACHMENT_FIELDS}
        bilag.attachment_update(attachment=obj, expected_version=expected, fields=fields)
        if checked is not None:
            bilag.attachment_replace(attachment=obj, expected_version=None, data=checked,
                                     filename=checked.filename)

    def remove(self, obj):
        bilag.attachment_delete(attachment=obj)


@admin.register(Note)
class NoteAdmin(ItemPartAdmin):
    """Notes are private: even in the admin a user sees only their own."""

    list_display = ["item", "author", "created_at"]

    def scope(self, queryset, user):
        return queryset.filter(author=user)

    def locked_reason(self, obj):
        return None  # a reader's notes are theirs, approved minutes or not

    def get_queryset(self, request):
        return self.scope(super(ScopedAdmin, self).get_queryset(request), request.user)

    def remove(self, obj):
        services.note_delete(note=obj)


@admin.register(Comment)
class CommentAdmin(ItemPartAdmin):
    list_display = ["item", "author", "created_at"]

    def scope(self, queryset, user):
        editable_series = MeetingSeries.objects.with_secretariat(user)
        return queryset.filter(item__meeting__series__in=editable_series)

    def locked_reason(self, obj):
        return None
