"""Bilag: the stored files of an item, and office files on their way to PDF."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from agendas.models.items import AgendaItem
from common.models import VersionedModel
from meetings.versions import MeetingPart, MeetingPartQuerySet
from meetings.viewer import as_viewer


class AttachmentQuerySet(MeetingPartQuerySet):
    def visible_q(self, who) -> Q:
        """An attachment is readable where its item's content is, and a closed attachment only
        by the series' own people (members and secretariat), never by the public."""
        viewer = as_viewer(who)
        q = AgendaItem.objects.visible_q(viewer, prefix="item__")
        if viewer.is_superuser:
            return q
        if not viewer.is_authenticated:
            return q & Q(is_closed=False)
        return q & (Q(is_closed=False) | Q(item__meeting__series__in=viewer.insider))

    def visible_to(self, who):
        return self.filter(self.visible_q(who))


def attachment_upload_to(instance, filename):
    return f"bilag/{instance.sha256[:2]}/{instance.sha256}.pdf"


def original_upload_to(instance, filename):
    """An office file as received, beside its PDF; named by its own content (`filename` is
    "<sha256>.<extension>", made by agendas/attachments/storage.py)."""
    return f"bilag/originaler/{filename[:2]}/{filename}"


class Attachment(MeetingPart, VersionedModel):
    """Bilag M of an item: an uploaded PDF, checked and described when it was added."""

    meeting_lookup = "items__attachments"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="attachments",
                             verbose_name=_("punkt"))
    position = models.PositiveSmallIntegerField(_("rækkefølge"))
    title = models.CharField(_("titel"), max_length=300)
    file = models.FileField(_("fil"), upload_to=attachment_upload_to, max_length=200)
    original_filename = models.CharField(_("filnavn"), max_length=255)
    content_type = models.CharField(_("filtype"), max_length=100, default="application/pdf")
    size = models.PositiveBigIntegerField(_("størrelse (byte)"))
    page_count = models.PositiveIntegerField(_("sider"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    text = models.TextField(_("tekst fra filen"), blank=True, editable=False)
    # False: a scan or image without text, so search cannot find it (shown in the editor).
    has_text_layer = models.BooleanField(_("har tekstlag"), default=True, editable=False)
    # The office file this PDF was converted from, for the secretariat only.
    original_file = models.FileField(_("originalfil"), upload_to=original_upload_to,
                                     max_length=200, blank=True, editable=False)
    is_closed = models.BooleanField(_("lukket bilag"), default=False)

    objects = AttachmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = pgettext_lazy("plural", "bilag")
        ordering = ["item_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "position"], name="attachment_unique_position",
                                    violation_error_message=_(
                                        "Punktet har allerede et bilag på denne plads.")),
            models.CheckConstraint(condition=Q(position__gte=1),
                                   name="attachment_position_positive"),
            models.CheckConstraint(condition=Q(page_count__gte=1),
                                   name="attachment_has_pages"),
        ]

    def __str__(self):
        return _("Bilag %(position)s: %(title)s") % {"position": self.position, "title": self.title}

    def get_absolute_url(self):
        return reverse("agendas:attachment", args=[self.pk])


class ConversionQuerySet(models.QuerySet):
    def editable_by(self, user):
        """Conversions are the secretariat's work in progress: nobody else sees them."""
        return self.filter(item__in=AgendaItem.objects.editable_by(user))

    def unfinished(self):
        return self.exclude(status=AttachmentConversion.Status.DONE)


class AttachmentConversion(models.Model):
    """An office file received for an item, on its way to becoming a Bilag: converted to PDF
    in the background worker, then checked like any PDF. Pending and failed ones are shown
    in the item's Bilag list; a done one points at the Bilag it became."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Venter")
        RUNNING = "running", _("Konverteres")
        DONE = "done", _("Færdig")
        FAILED = "failed", _("Mislykket")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="conversions",
                             verbose_name=_("punkt"))
    title = models.CharField(_("titel"), max_length=300)
    original_filename = models.CharField(_("filnavn"), max_length=255)
    original_file = models.FileField(_("originalfil"), upload_to=original_upload_to,
                                     max_length=200)
    is_closed = models.BooleanField(_("lukket bilag"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    # Why it failed: a code of agendas/attachments/refusals.py, written out when shown.
    refusal_code = models.CharField(_("årsag"), max_length=40, blank=True)
    refusal_params = models.JSONField(_("årsagens detaljer"), default=dict, blank=True)
    attachment = models.OneToOneField(Attachment, on_delete=models.SET_NULL, null=True,
                                      blank=True, related_name="conversion",
                                      verbose_name=_("bilag"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("lagt op af"))
    created_at = models.DateTimeField(_("modtaget"), auto_now_add=True)
    finished_at = models.DateTimeField(_("færdig"), null=True, blank=True)

    objects = ConversionQuerySet.as_manager()

    class Meta:
        verbose_name = _("konvertering af bilag")
        verbose_name_plural = _("konverteringer af bilag")
        ordering = ["item_id", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["pending", "running", "done",
                                                           "failed"]),
                                   name="attachmentconversion_status_valid"),
        ]

    def __str__(self):
        return f"{self.original_filename} ({self.get_status_display()})"

    @property
    def under_way(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def refusal(self):
        from agendas.attachments.refusals import Refusal

        if not self.refusal_code:
            return None
        return Refusal(self.refusal_code, self.original_filename, self.refusal_params)
