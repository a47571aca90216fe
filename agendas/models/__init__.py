"""The agenda's models, one module per part: items and sub-items, memos, Bilag, annotations."""

from agendas.models.annotations import (
    Comment,
    CommentQuerySet,
    Note,
    NoteQuerySet,
    annotatable_items,
)
from agendas.models.attachments import (
    Attachment,
    AttachmentConversion,
    AttachmentQuerySet,
    ConversionQuerySet,
    attachment_upload_to,
    original_upload_to,
)
from agendas.models.items import AgendaItem, AgendaItemQuerySet, Method, SubItem
from agendas.models.memos import MemoSection, RecommendationPoint

__all__ = [
    "AgendaItem", "AgendaItemQuerySet", "Attachment", "AttachmentConversion",
    "AttachmentQuerySet", "Comment", "CommentQuerySet", "ConversionQuerySet", "MemoSection",
    "Method", "Note", "NoteQuerySet", "RecommendationPoint", "SubItem", "annotatable_items",
    "attachment_upload_to", "original_upload_to",
]
