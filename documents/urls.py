from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("moeder/<int:meeting_id>/dagsorden.pdf", views.agenda_pdf, name="agenda"),
    path("moeder/<int:meeting_id>/referat.pdf", views.minutes_pdf, name="minutes"),
    path("moeder/<int:meeting_id>/samlet.pdf", views.pack_pdf, name="pack"),
    path("punkter/<int:item_id>/indstilling.pdf", views.memo_pdf, name="memo"),
]
