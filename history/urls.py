"""History URLs, without a namespace: `item_history` and `series_audit` are named plainly, the
others `history_…`. Each takes the id its object has elsewhere (the permission matrix fills
them)."""

from django.urls import path

from history import as_sent, audit, views

urlpatterns = [
    path("moeder/<int:meeting_id>/historik/", views.versions, {"subject": "meeting"},
         name="history_meeting"),
    path("moeder/<int:meeting_id>/historik/sammenlign/", views.diff, {"subject": "meeting"},
         name="history_meeting_diff"),
    path("moeder/<int:meeting_id>/historik/dagsorden.pdf", as_sent.agenda_as_sent,
         name="history_agenda_as_sent"),
    path("punkter/<int:item_id>/historik/", views.versions, {"subject": "item"},
         name="item_history"),
    path("punkter/<int:item_id>/historik/sammenlign/", views.diff, {"subject": "item"},
         name="history_item_diff"),
    path("punkter/<int:item_id>/historik/gendan/", views.restore, {"subject": "item"},
         name="history_item_restore"),
    path("beslutninger/<int:decision_id>/historik/", views.versions, {"subject": "decision"},
         name="history_decision"),
    path("beslutninger/<int:decision_id>/historik/sammenlign/", views.diff,
         {"subject": "decision"}, name="history_decision_diff"),
    path("beslutninger/<int:decision_id>/historik/gendan/", views.restore,
         {"subject": "decision"}, name="history_decision_restore"),
    path("opfoelgninger/<int:follow_up_id>/historik/", views.versions,
         {"subject": "follow_up"}, name="history_follow_up"),
    path("opfoelgninger/<int:follow_up_id>/historik/sammenlign/", views.diff,
         {"subject": "follow_up"}, name="history_follow_up_diff"),
    path("bilag/<int:attachment_id>/historik/", views.versions, {"subject": "attachment"},
         name="history_attachment"),
    path("bilag/<int:attachment_id>/historik/sammenlign/", views.diff,
         {"subject": "attachment"}, name="history_attachment_diff"),
    path("bilag/<int:attachment_id>/historik/fil/", views.attachment_file,
         name="history_attachment_file"),
    path("serier/<int:series_id>/historik/", audit.series_audit, name="series_audit"),
]
