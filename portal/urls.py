from django.urls import path

from portal import views

app_name = "portal"
urlpatterns = [
    path("portal/", views.index, name="index"),
    path("portal/serier/<int:series_id>/", views.series, name="series"),
]
