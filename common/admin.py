"""Admin helpers: every admin list starts from the same rule the pages use (what the user
may edit), and a change form based on a stale version is refused, not saved over."""

from django import forms
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin


class VersionedAdminForm(forms.ModelForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        expected = cleaned.get("expected_version")
        if self.instance.pk and expected is not None:
            # The admin wraps the whole change view in one transaction, so this lock is held
            # until the save: two editors of the same version cannot both get through.
            stored = (type(self.instance)._default_manager.select_for_update()
                      .filter(pk=self.instance.pk).values_list("version", flat=True).first())
            if stored is not None and stored != expected:
                raise forms.ValidationError(_(
                    "Nogen har ændret dette, mens du redigerede. Dine ændringer er ikke gemt. "
                    "Åbn siden igen for at se den nye udgave."), code="conflict")
        return cleaned


class ScopedAdmin(SimpleHistoryAdmin):
    """Admin for a versioned domain model. `scope(queryset, user)` narrows every list, form and
    history view to what the user may edit; superusers see everything."""

    form = VersionedAdminForm

    def scope(self, queryset, user):
        return queryset

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return self.scope(queryset, request.user)

    def history_view(self, request, object_id, extra_context=None):
        self._check_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_in_scope(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _check_in_scope(self, request, object_id):
        # django-simple-history falls back to the history rows when the object is not in
        # get_queryset(), and its form view never asks: history is protected like the object.
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        obj.full_clean()
        super().save_model(request, obj, form, change)
