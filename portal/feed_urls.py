"""The series' feeds, named without a namespace (`reverse("series_ical", args=[series.pk])`)."""

from django.urls import path

from portal import feeds

urlpatterns = [
    path("serier/<int:series_id>/kalender.ics", feeds.series_ical, name="series_ical"),
    path("serier/<int:series_id>/referater.atom", feeds.series_atom, name="series_atom"),
]
