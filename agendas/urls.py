from django.urls import path

from agendas import views

app_name = "agendas"
urlpatterns = [
    path("bilag/<int:attachment_id>/", views.attachment_download, name="attachment"),
]
