from django.urls import path

from agendas.views import bilag, editor, intake, items, memo, reading

app_name = "agendas"
urlpatterns = [
    # Reading: Bilag, notes and comments.
    path("bilag/<int:attachment_id>/", reading.attachment_download, name="attachment"),
    path("punkter/<int:item_id>/noter/", reading.item_annotations, name="annotations"),
    path("noter/<int:note_id>/slet/", reading.note_delete, name="note_delete"),
    # The meeting editor (the series' secretariat).
    path("serier/<int:series_id>/nyt-moede/", editor.meeting_create, name="meeting_create"),
    path("moeder/<int:meeting_id>/rediger/", editor.meeting_editor, name="meeting_editor"),
    path("moeder/<int:meeting_id>/rediger/moede/", editor.meeting_header, name="meeting_header"),
    path("moeder/<int:meeting_id>/rediger/punkter/", items.item_create, name="item_create"),
    path("moeder/<int:meeting_id>/rediger/raekkefoelge/", items.items_reorder,
         name="items_reorder"),
    path("moeder/<int:meeting_id>/rediger/fortryd/", items.item_restore, name="item_restore"),
    path("punkter/<int:item_id>/rediger/", items.item_edit, name="item_edit"),
    path("punkter/<int:item_id>/flyt/", items.item_move, name="item_move"),
    path("punkter/<int:item_id>/kopier/", items.item_duplicate, name="item_duplicate"),
    path("punkter/<int:item_id>/slet/", items.item_delete, name="item_delete"),
    path("punkter/<int:item_id>/underpunkter/", items.sub_item_create, name="sub_item_create"),
    path("underpunkter/<int:sub_item_id>/", items.sub_item_edit, name="sub_item_edit"),
    path("underpunkter/<int:sub_item_id>/flyt/", items.sub_item_move, name="sub_item_move"),
    path("underpunkter/<int:sub_item_id>/slet/", items.sub_item_delete, name="sub_item_delete"),
    path("punkter/<int:item_id>/indstilling/", memo.memo_edit, name="memo_edit"),
    # Bilag intake: files received for an item, office files on their way, the originals.
    path("punkter/<int:item_id>/bilag/", intake.attachment_upload, name="attachment_upload"),
    path("punkter/<int:item_id>/bilag/konverteringer/", intake.item_conversions,
         name="item_conversions"),
    path("bilag/<int:attachment_id>/original/", intake.attachment_original,
         name="attachment_original"),
    path("bilag/<int:attachment_id>/rediger/", bilag.attachment_edit, name="attachment_edit"),
    path("bilag/<int:attachment_id>/flyt/", bilag.attachment_move, name="attachment_move"),
    path("bilag/<int:attachment_id>/slet/", bilag.attachment_delete, name="attachment_delete"),
]
