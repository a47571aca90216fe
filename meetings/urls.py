from django.urls import path

from meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("serier/<int:series_id>/", views.series_detail, name="series"),
    path("moeder/<int:meeting_id>/send/", views.agenda_send, name="agenda_send"),
    path("moeder/<int:meeting_id>/genaabn/", views.meeting_reopen, name="meeting_reopen"),
]
