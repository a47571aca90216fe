from django.urls import path

from agendas import views
from agendas.attachments import views as attachment_views

app_name = "agendas"
urlpatterns = [
    path("bilag/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("bilag/<int:attachment_id>/original/", attachment_views.attachment_original,
         name="attachment_original"),
    path("punkter/<int:item_id>/bilag/", attachment_views.attachment_upload,
         name="attachment_upload"),
    path("punkter/<int:item_id>/noter/", views.item_annotations, name="annotations"),
    path("noter/<int:note_id>/slet/", views.note_delete, name="note_delete"),
]
