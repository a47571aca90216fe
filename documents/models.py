from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting


def rendered_upload_to(instance, filename):
    return f"dokumenter/{instance.key[:2]}/{instance.key}.pdf"


class RenderedDocument(models.Model):
    """A rendered PDF, stored once per content version.

    `key` is the hash of everything the document shows (documents/pdf/fingerprint.py), so a
    stored document is only ever served to someone who may see all of it: to find it, the
    view must first assemble that same content for its viewer. The file lives in default
    storage (local disk or object storage) and is sent by permission-checked views only.
    """

    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Dagsorden")
        MINUTES = "minutes", _("Referat")
        MEMO = "memo", _("Indstilling")
        PACK = "pack", _("Samlet dokument")
        PART = "part", _("Del af samlet dokument")

    key = models.CharField(_("indholdsnøgle"), max_length=64, unique=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE,
                                related_name="rendered_documents", verbose_name=_("møde"))
    file = models.FileField(_("fil"), upload_to=rendered_upload_to, max_length=200)
    size = models.PositiveBigIntegerField(_("størrelse (byte)"))
    page_count = models.PositiveIntegerField(_("sider"))
    # Page indexes of the element ids ("punkt-3") and bookmarks, for the pack's contents.
    anchors = models.JSONField(_("ankre"), default=dict, blank=True)
    outline = models.JSONField(_("bogmærker"), default=list, blank=True)
    render_seconds = models.FloatField(_("renderingstid (s)"), default=0)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    # The meeting's content version when the document was last found to be current (made or
    # used); `prune_documents` removes what a newer version has superseded.
    content_version = models.BigIntegerField(_("indholdsversion"), default=0)
    current_at = models.DateTimeField(_("senest aktuel"), default=timezone.now)

    class Meta:
        verbose_name = _("genereret dokument")
        verbose_name_plural = _("genererede dokumenter")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["agenda", "minutes", "memo", "pack",
                                                         "part"]),
                                   name="rendereddocument_kind_valid"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.key[:12]}"


class DocumentIndex(models.Model):
    """Which stored document answers a request, by the meeting's content version: a request
    for a document that is stored already reads the meeting's version and this row (with the
    file name to send it under), and sends the file, without assembling the meeting.

    A row is written after the document was found the long way (for a viewer of `audience`,
    at `content_version`), so it can only lead a viewer of the same class to what that class
    may see; any change to the meeting moves its version, and the old rows are no longer asked
    for. `audience` is public, outsider, member or secretariat, or user:<id> for a pack with
    the reader's own notes (then `annotations_version` counts too)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("møde"))
    content_version = models.BigIntegerField(_("indholdsversion"))
    annotations_version = models.BigIntegerField(_("version af noter og kommentarer"),
                                                 default=0)
    kind = models.CharField(_("type"), max_length=10, choices=RenderedDocument.Kind.choices)
    options = models.CharField(_("valg"), max_length=100, blank=True)
    variant = models.CharField(_("PDF-variant"), max_length=20, blank=True)
    # The reader's language: the document is Danish, its file name is in theirs.
    language = models.CharField(_("sprog"), max_length=10)
    audience = models.CharField(_("læserkreds"), max_length=30)
    document = models.ForeignKey(RenderedDocument, on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("dokument"))
    filename = models.CharField(_("filnavn"), max_length=300)

    class Meta:
        verbose_name = _("opslag af genereret dokument")
        verbose_name_plural = _("opslag af genererede dokumenter")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "content_version", "annotations_version", "kind", "options",
                        "variant", "language", "audience"], name="documentindex_unique_slot"),
        ]

    def __str__(self):
        return f"{self.meeting_id} v{self.content_version} {self.kind} {self.audience}"


class PackJob(models.Model):
    """A pack being rendered in the background, with the progress the page polls."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("I kø")
        RUNNING = "running", _("I gang")
        DONE = "done", _("Færdig")
        FAILED = "failed", _("Fejlet")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    key = models.CharField(_("indholdsnøgle"), max_length=64)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="pack_jobs",
                                verbose_name=_("møde"))
    # The pack is rendered as this user sees the meeting (None: the public version).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True,
                             blank=True, related_name="+", verbose_name=_("bestilt af"))
    public = models.BooleanField(_("offentlig udgave"), default=False)
    with_annotations = models.BooleanField(_("med noter og kommentarer"), default=False)
    variant = models.CharField(_("PDF-variant"), max_length=20, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    steps_done = models.PositiveIntegerField(_("trin udført"), default=0)
    steps_total = models.PositiveIntegerField(_("trin i alt"), default=1)
    step_label = models.CharField(_("trin"), max_length=300, blank=True)
    # The requester's language: the worker writes the step labels in it.
    language = models.CharField(_("sprog"), max_length=10, default="da")
    error = models.TextField(_("fejl"), blank=True)
    document = models.ForeignKey(RenderedDocument, on_delete=models.SET_NULL, null=True,
                                 blank=True, related_name="+", verbose_name=_("dokument"))
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)

    class Meta:
        verbose_name = _("samlet dokument under udarbejdelse")
        verbose_name_plural = _("samlede dokumenter under udarbejdelse")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One job at a time renders a given pack; a second request joins it.
            models.UniqueConstraint(fields=["key"], condition=Q(status__in=["queued", "running"]),
                                    name="packjob_one_active_per_key"),
            models.CheckConstraint(condition=Q(status__in=["queued", "running", "done", "failed"]),
                                   name="packjob_status_valid"),
            models.CheckConstraint(condition=Q(steps_done__lte=models.F("steps_total")),
                                   name="packjob_progress_within_total"),
        ]

    def __str__(self):
        return f"{self.meeting} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return round(100 * self.steps_done / max(1, self.steps_total))
