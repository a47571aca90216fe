from django.urls import path

from oparl import views

app_name = "oparl"
urlpatterns = [
    path("", views.system, name="system"),
    path("bodies/", views.body_list, name="body_list"),
    path("body/", views.body, name="body"),
    path("body/organizations/", views.organization_list, name="organization_list"),
    path("body/meetings/", views.meeting_list, name="meeting_list"),
    path("body/agenda-items/", views.agenda_item_list, name="agenda_item_list"),
    path("body/papers/", views.paper_list, name="paper_list"),
    path("body/consultations/", views.consultation_list, name="consultation_list"),
    path("body/files/", views.file_list, name="file_list"),
    path("body/persons/", views.empty_list, name="person_list"),
    path("body/legislative-terms/", views.empty_list, name="legislative_term_list"),
    path("organization/<int:series_id>/", views.organization, name="organization"),
    path("organization/<int:series_id>/meetings/", views.meeting_list,
         name="organization_meeting_list"),
    path("meeting/<int:meeting_id>/", views.meeting, name="meeting"),
    path("meeting/<int:meeting_id>/location/", views.location, name="location"),
    path("meeting/<int:meeting_id>/invitation/", views.invitation, name="invitation"),
    path("meeting/<int:meeting_id>/results-protocol/", views.results_protocol,
         name="results_protocol"),
    path("agenda-item/<int:item_id>/", views.agenda_item, name="agenda_item"),
    path("paper/<int:item_id>/", views.paper, name="paper"),
    path("paper/<int:item_id>/main-file/", views.main_file, name="main_file"),
    path("consultation/<int:item_id>/", views.consultation, name="consultation"),
    path("file/<int:attachment_id>/", views.file, name="file"),
    # Anything else under the API is its JSON 404, not the site's HTML page.
    path("<path:rest>", views.unknown, name="unknown"),
]
