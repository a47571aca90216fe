"""Stored documents do not pile up: a document that a newer content version of its meeting
has superseded, and a pack job that has finished, are removed after a grace period (a
download that started before may still be reading the file). What is current stays: every
document found current at its meeting's content version (documents/pdf/store.py marks them
when they are made or used, the parts of a pack included)."""

import datetime as dt
import logging
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from documents.models import DocumentIndex, PackJob, RenderedDocument

logger = logging.getLogger(__name__)

GRACE = dt.timedelta(hours=1)


@dataclass
class Pruned:
    documents: int
    bytes: int
    index_rows: int
    jobs: int


def prune_documents(*, grace: dt.timedelta = GRACE) -> Pruned:
    cutoff = timezone.now() - grace
    # Rows of versions nobody will ask for again (a newer version exists).
    index_rows, _ = DocumentIndex.objects.filter(
        content_version__lt=F("meeting__content_version")).delete()
    notes_rows, _ = DocumentIndex.objects.exclude(annotations_version=0).filter(
        annotations_version__lt=F("meeting__annotations_version")).delete()
    jobs, _ = PackJob.objects.exclude(status__in=PackJob.ACTIVE).filter(
        updated_at__lt=cutoff).delete()
    superseded = (RenderedDocument.objects
                  .filter(content_version__lt=F("meeting__content_version"),
                          current_at__lt=cutoff)
                  .exclude(pk__in=PackJob.objects.filter(status__in=PackJob.ACTIVE)
                           .exclude(document=None).values("document")))
    count = size = 0
    for document in superseded.iterator():
        name, storage = document.file.name, document.file.storage
        document.delete()  # its index rows go with it
        if name:
            storage.delete(name)
        count += 1
        size += document.size
    if count or jobs:
        logger.info("Pruned %s stored documents (%s bytes) and %s finished pack jobs", count,
                    size, jobs)
    return Pruned(documents=count, bytes=size, index_rows=index_rows + notes_rows, jobs=jobs)
