from django.urls import path

from reading import views

app_name = "reading"
urlpatterns = [
    path("moeder/<int:meeting_id>/", views.meeting_detail, name="meeting"),
]
