from django.urls import path

from decisions.views import attendance, editor, follow_ups, phrases, points, texts

app_name = "decisions"
urlpatterns = [
    # The minute taker's screen (the series' secretariat).
    path("moeder/<int:meeting_id>/referat/skriv/", editor.minutes_editor, name="minutes_editor"),
    path("moeder/<int:meeting_id>/referat/trin/", editor.minutes_step, name="minutes_step"),
    path("moeder/<int:meeting_id>/referat/fremmoede/", attendance.attendance, name="attendance"),
    path("punkter/<int:item_id>/referat/", editor.minutes_item, name="minutes_item"),
    path("punkter/<int:item_id>/referat/tekst/", texts.decision_text, name="decision_text"),
    path("punkter/<int:item_id>/referat/punkter/", points.point_add, name="point_add"),
    path("punkter/<int:item_id>/referat/fremmoede/", attendance.item_attendance,
         name="item_attendance"),
    path("punkter/<int:item_id>/referat/ikke-behandlet/", points.item_defer, name="item_defer"),
    path("punkter/<int:item_id>/referat/godkend-forrige/", points.previous_minutes_approve,
         name="previous_minutes_approve"),
    path("punkter/<int:item_id>/referat/opfoelgninger/", follow_ups.follow_up_add,
         name="follow_up_add"),
    path("beslutningspunkter/<int:point_id>/", points.point_edit, name="point_edit"),
    path("beslutningspunkter/<int:point_id>/tekst/", texts.point_text, name="point_text"),
    path("beslutningspunkter/<int:point_id>/slet/", points.point_delete, name="point_delete"),
    path("opfoelgninger/<int:follow_up_id>/", follow_ups.follow_up_edit, name="follow_up_edit"),
    path("opfoelgninger/<int:follow_up_id>/slet/", follow_ups.follow_up_delete,
         name="follow_up_delete"),
    path("opfoelgninger/<int:follow_up_id>/status/", follow_ups.follow_up_status,
         name="follow_up_status"),
    # Follow-ups across meetings, and a later meeting's "Opfølgning" panel.
    path("opfoelgninger/", follow_ups.follow_up_board, name="follow_ups"),
    path("opfoelgninger.csv", follow_ups.follow_up_csv, name="follow_ups_csv"),
    path("moeder/<int:meeting_id>/opfoelgning/", follow_ups.follow_up_panel,
         name="follow_up_panel"),
    path("moeder/<int:meeting_id>/opfoelgning/<int:follow_up_id>/", follow_ups.follow_up_schedule,
         name="follow_up_schedule"),
    # A series' standard phrases.
    path("serier/<int:series_id>/standardtekster/", phrases.phrases, name="phrases"),
]
