"""The series' audit: recent changes to everything in a series' meetings, newest first, by
person, date and kind of object; for the series' secretariat."""

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from history.subjects import PAGE_OF_KIND, SUBJECTS
from history.versions import KINDS, as_versions, rows, union
from meetings.models import MeetingSeries
from meetings.viewer import request_viewer

PER_PAGE = 50


class AuditFilter(forms.Form):
    person = forms.TypedChoiceField(label=_("Person"), required=False, coerce=int,
                                    empty_value=None)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    since = forms.DateField(label=_("Fra dato"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Til dato"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", _("Alle"))] + [
            (p.pk, p.get_full_name() or p.get_username()) for p in people]
        self.fields["kind"].choices = [("", _("Alle"))] + [
            (letter, str(kind.model._meta.verbose_name).capitalize())
            for letter, kind in KINDS.items()]


def _series_rows(series_id: int, kinds: list[str]):
    """The UNION parts of the series: every history row of its meetings' objects (deleted
    ones included: the paths go through the history tables, not the live rows)."""
    meetings = KINDS["m"].history.objects.filter(series_id=series_id).values("id")
    items = KINDS["i"].history.objects.filter(meeting_id__in=meetings).values("id")
    decisions = KINDS["d"].history.objects.filter(item_id__in=items).values("id")
    where = {"m": {"series_id": series_id}, "i": {"meeting_id__in": meetings},
             "u": {"item_id__in": items}, "s": {"item_id__in": items},
             "r": {"item_id__in": items}, "b": {"item_id__in": items},
             "d": {"item_id__in": items}, "p": {"decision_id__in": decisions},
             "f": {"decision_id__in": decisions}}
    return [(letter, rows(KINDS[letter], **where[letter])) for letter in kinds]


@require_safe
def series_audit(request, series_id: int):
    viewer = request_viewer(request)
    series = MeetingSeries.objects.visible_to(viewer).filter(pk=series_id).first()
    if series is None:
        raise Http404
    if not viewer.edits(series.pk):
        if viewer.belongs(series.pk):
            raise PermissionDenied
        raise Http404
    people = get_user_model().objects.filter(
        Q(secretariat_of_series=series) | Q(member_of_series=series)).distinct().order_by(
        "first_name", "last_name", "username")
    form = AuditFilter(request.GET or None, people=people)
    filters = form.cleaned_data if form.is_valid() else {}
    kinds = [filters["kind"]] if filters.get("kind") else list(KINDS)
    parts = []
    for _letter, part in _series_rows(series.pk, kinds):
        if filters.get("person"):
            part = part.filter(history_user_id=filters["person"])
        if filters.get("since"):
            part = part.filter(history_date__gte=_start(filters["since"]))
        if filters.get("until"):
            part = part.filter(history_date__lt=_start(filters["until"] + dt.timedelta(days=1)))
        parts.append(part)
    page = Paginator(union(parts), PER_PAGE).get_page(request.GET.get("side"))
    versions = as_versions(page.object_list)
    for version in versions:
        version.url = SUBJECTS[PAGE_OF_KIND[version.kind.letter]].url("list", version.owner_id)
    query = request.GET.copy()
    query.pop("side", None)
    return render(request, "history/audit.html", {
        "series": series, "form": form, "page": page, "versions": versions,
        "query": query.urlencode()})


def _start(day: dt.date):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
