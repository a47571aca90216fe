from django.urls import path

from agendas import views

app_name = "agendas"
urlpatterns = [
    path("bilag/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("punkter/<int:item_id>/noter/", views.item_annotations, name="annotations"),
    path("noter/<int:note_id>/slet/", views.note_delete, name="note_delete"),
]
