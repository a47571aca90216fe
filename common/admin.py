"""Admin helpers. The admin is the fallback editor, and it obeys the same rules as the pages:
every list starts from what the user may edit, every change goes through the one versioned
update (a stale form is refused, not saved over) and through the app's services, and content
that its meeting's rules lock (approved minutes) is shown read-only with the reason."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.forms import RichTextField
from common.models import EditConflict, lock_version, save_versioned

CONFLICT_MESSAGE = _("Nogen har ændret dette, mens du redigerede. Dine ændringer er ikke gemt. "
                     "Åbn siden igen for at se den nye udgave.")


class _UnlabelledHiddenInput(forms.HiddenInput):
    """A hidden input that no label points to: the admin draws a label for every field of
    its form, and a label's `for` must name a visible control (the Nu Html Checker)."""

    def id_for_label(self, id_):
        return None


class VersionedAdminForm(forms.ModelForm):
    expected_version = forms.IntegerField(label=_("Forventet version"), required=False,
                                          widget=_UnlabelledHiddenInput)

    # Set by ScopedAdmin.get_form: raises ValidationError when the rules refuse the change.
    guard = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        expected = self.cleaned_data.get("expected_version")
        try:
            if self.instance.pk and expected is not None:
                # The admin runs the whole change view in one transaction, so this lock holds
                # until the save: two editors of the same version cannot both get through.
                lock_version(self.instance, expected)
            if self.guard is not None:
                self.guard(self.instance)
        except EditConflict:
            self.add_error(None, ValidationError(CONFLICT_MESSAGE, code="conflict"))
        except ValidationError as refusal:
            self.add_error(None, refusal)


class HistoryAdmin(SimpleHistoryAdmin):
    """The base of every admin with history pages (SimpleHistoryAdmin itself is not used).

    - An id in a history URL that is no id of the model (`4.0`, `%00`, `abc`) or a version
      that is no version is a 404, like an id that does not exist, never a 500.
    - A version page reverts only for who may change the history and the object (the library
      saves a POST to it without asking).
    """

    def history_view(self, request, object_id, extra_context=None):
        self.checked_pk(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.checked_pk(object_id)
        self.checked_version(version_id)
        if request.method == "POST" and not (
                self.has_change_history_permission(request)
                and self.has_change_permission(request)):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def checked_pk(self, object_id):
        """The object id of a URL as the model's primary key, or a 404."""
        return _field_value_or_404(self.model._meta.pk, unquote(object_id))

    def checked_version(self, version_id):
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        return _field_value_or_404(history.model._meta.pk, unquote(version_id))


def _field_value_or_404(field, raw):
    try:
        value = field.to_python(raw)
        # The field's own checks: an integer the database column cannot hold, a NUL.
        field.run_validators(value)
    except (ValidationError, ValueError, TypeError):
        raise Http404 from None
    if value is None or (isinstance(value, str) and "\x00" in value):
        raise Http404
    return value


class ScopedAdmin(HistoryAdmin):
    """Admin for a versioned domain model.

    - `scope(queryset, user)` narrows every list, form and history view to what the user may
      edit; superusers see everything.
    - `guard(obj)` raises ValidationError when the domain rules refuse a change of `obj`
      (checked on the form, so the refusal is a form error); `locked_reason(obj)` says why an
      existing object is shown read-only.
    - `create`, `update` and `remove` are where a subclass calls its app's services.
    """

    form = VersionedAdminForm
    # Fields edited with the rich text editor (plain text with paragraphs without JavaScript).
    richtext_fields: tuple[str, ...] = ()

    def scope(self, queryset, user):
        return queryset

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.richtext_fields:
            return RichTextField(label=str(db_field.verbose_name).capitalize(),
                                 required=not db_field.blank, help_text=db_field.help_text)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def guard(self, obj) -> None:
        reason = self.locked_reason(obj)
        if reason:
            raise ValidationError(reason, code="locked")

    def locked_reason(self, obj) -> str | None:
        return None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return self.scope(queryset, request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        guard = self.guard
        return type(form.__name__, (form,), {"guard": staticmethod(guard)})

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj is not None and self.locked_reason(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (
            obj is not None and self.locked_reason(obj))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        reason = obj is not None and self.locked_reason(obj)
        if reason and request.method == "GET":
            self.message_user(request, reason, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._check_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_in_scope(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _check_in_scope(self, request, object_id):
        # django-simple-history falls back to the history rows when the object is not in
        # get_queryset() (a deleted object, or one outside the user's series), and its form
        # view never asks: history is protected like the object, and a deleted object's
        # history is nobody's here (the history pages of the app decide about those).
        if not self.get_queryset(request).filter(pk=self.checked_pk(object_id)).exists():
            raise Http404

    def save_model(self, request, obj, form, change):
        if change:
            fields = {name: getattr(obj, name) for name in form.changed_data
                      if name in {f.name for f in obj._meta.concrete_fields}}
            self.update(obj, expected_version=form.cleaned_data.get("expected_version"),
                        fields=fields)
        else:
            self.create(obj)

    def delete_model(self, request, obj):
        self.remove(obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            try:
                self.remove(obj)
            except ValidationError as refusal:
                self.message_user(request, " ".join(refusal.messages), messages.ERROR)

    def create(self, obj) -> None:
        obj.full_clean()
        obj.save()

    def update(self, obj, *, expected_version, fields) -> None:
        save_versioned(obj, expected_version=expected_version, fields=fields)

    def remove(self, obj) -> None:
        obj.delete()
