from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("moeder/<int:meeting_id>/", views.meeting_detail, name="meeting"),
]
