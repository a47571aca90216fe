from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from common.models import VersionedModel
from common.richtext import sanitize_html
from meetings.models import Meeting, MeetingSeries, MemoTemplate
from meetings.versions import MeetingPart, MeetingPartQuerySet
from meetings.viewer import as_viewer


class Method(models.TextChoices):
    ORIENTERING = "orientering", _("Orientering")
    DROEFTELSE = "droeftelse", _("Drøftelse")
    ORIENTERING_OG_DROEFTELSE = "orientering_og_droeftelse", _("Orientering og drøftelse")
    BESLUTNING = "beslutning", _("Beslutning")


class AgendaItemQuerySet(MeetingPartQuerySet):
    def visible_q(self, who, prefix: str = "") -> Q:
        """The one rule for who may read an item's content: the secretariat of its series;
        members once the agenda is sent; anyone else only open items of published meetings.
        `prefix` lets related models (attachments, decisions) apply the same rule.
        """
        p = prefix
        viewer = as_viewer(who)
        if viewer.is_superuser:
            return Q()
        q = Q(**{f"{p}meeting__status": Meeting.Status.PUBLISHED, f"{p}is_closed": False})
        if viewer.is_authenticated:
            q |= Q(**{f"{p}meeting__series__in": viewer.secretariat})
            q |= Q(**{f"{p}meeting__series__in": viewer.member}) & ~Q(
                **{f"{p}meeting__status": Meeting.Status.DRAFT})
        return q

    def visible_to(self, who):
        return self.filter(self.visible_q(who))

    def listed_for(self, who):
        """Items as an agenda lists them: every visible item plus, in published meetings, the
        closed ones the user may not read, marked `content_visible=False` ("Lukket punkt",
        number and title only)."""
        visible = self.visible_q(who)
        if not visible:  # a superuser reads everything (and When() refuses an empty Q)
            return self.annotate(content_visible=Value(True, output_field=models.BooleanField()))
        return self.filter(
            visible | Q(meeting__status=Meeting.Status.PUBLISHED)
        ).annotate(
            content_visible=Case(When(visible, then=Value(True)), default=Value(False),
                                 output_field=models.BooleanField())
        )

    def editable_by(self, who):
        return self.filter(meeting__series__in=MeetingSeries.objects.with_secretariat(who))


class AgendaItem(MeetingPart, VersionedModel):
    """Punkt N of a meeting. `number` is what the agenda calls it; `position` is the order
    of treatment. Before the agenda is sent the two move together; after it, only position."""

    meeting_lookup = "items"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items",
                                verbose_name=_("møde"))
    number = models.PositiveSmallIntegerField(_("nummer"))
    position = models.PositiveSmallIntegerField(_("rækkefølge"))
    title = models.CharField(_("titel"), max_length=300)
    minutes = models.PositiveSmallIntegerField(_("tidsforbrug (min)"), null=True, blank=True)
    is_closed = models.BooleanField(_("lukket punkt"), default=False)
    responsible = models.CharField(_("ansvarlig"), max_length=200, blank=True)
    method = models.CharField(_("metode"), max_length=30, choices=Method.choices, blank=True)
    method_oral = models.BooleanField(_("mundtlig"), default=False)
    guests = models.TextField(_("gæster under punktet"), blank=True,
                              help_text=_("Én gæst pr. linje."))
    text = models.TextField(_("tekst"), blank=True)
    # The recommendation memo ("Indstilling"); an item without a template has no memo.
    memo_template = models.ForeignKey(MemoTemplate, on_delete=models.PROTECT, null=True,
                                      blank=True, related_name="+",
                                      verbose_name=_("indstillingsskabelon"))
    memo_title = models.CharField(_("indstillingens overskrift"), max_length=300, blank=True,
                                  help_text=_("Tom: punktets titel."))
    case_number = models.CharField(_("sagsnummer"), max_length=50, blank=True)
    sending_unit = models.CharField(_("afsender"), max_length=200, blank=True)
    memo_date = models.DateField(_("indstillingens dato"), null=True, blank=True)
    case_officer = models.CharField(_("sagsbehandler"), max_length=200, blank=True)
    case_officer_phone = models.CharField(_("sagsbehandlers telefon"), max_length=50, blank=True)
    case_officer_email = models.EmailField(_("sagsbehandlers e-post"), blank=True)
    # When the item, its sub-items, memo or Bilag last changed: after the agenda was sent, the
    # item is marked "Ændret efter udsendelse".
    changed_at = models.DateTimeField(_("sidst ændret"), null=True, blank=True, editable=False)

    objects = AgendaItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        ordering = ["meeting_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="item_unique_number",
                                    violation_error_message=_(
                                        "Mødet har allerede et punkt med dette nummer.")),
            models.UniqueConstraint(fields=["meeting", "position"], name="item_unique_position",
                                    violation_error_message=_(
                                        "Mødet har allerede et punkt på denne plads.")),
            models.CheckConstraint(condition=Q(number__gte=1), name="item_number_positive",
                                   violation_error_message=_("Punktets nummer skal være "
                                                             "mindst 1.")),
            models.CheckConstraint(condition=Q(position__gte=1), name="item_position_positive",
                                   violation_error_message=_("Punktets plads skal være "
                                                             "mindst 1.")),
            models.CheckConstraint(condition=Q(minutes__isnull=True) | Q(minutes__gt=0),
                                   name="item_minutes_positive",
                                   violation_error_message=_("Tidsforbruget skal være mindst "
                                                             "ét minut.")),
            models.CheckConstraint(condition=Q(method__in=["", *Method.values]),
                                   name="item_method_valid"),
        ]

    def __str__(self):
        return _("Punkt %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def get_absolute_url(self):
        return reverse("reading:meeting", args=[self.meeting_id]) + f"#punkt-{self.number}"

    def clean(self):
        self.text = sanitize_html(self.text)

    @property
    def changed_since_sent(self) -> bool:
        """Changed after the agenda was sent ("Ændret efter udsendelse")."""
        sent_at = self.meeting.agenda_sent_at
        return bool(sent_at and self.changed_at and self.changed_at > sent_at)

    @property
    def memo_heading(self) -> str:
        return self.memo_title or self.title

    @property
    def has_memo(self) -> bool:
        return self.memo_template_id is not None

    @property
    def method_label(self) -> str:
        if not self.method:
            return ""
        label = str(self.get_method_display())
        return _("Mundtlig %(method)s") % {"method": label.lower()} if self.method_oral else label

    @property
    def duration(self) -> int | None:
        """Minutes the item takes in the time plan: its own, else the sum of its sub-items'."""
        if self.minutes:
            return self.minutes
        sub_minutes = [s.minutes for s in self.sub_items.all() if s.minutes]
        return sum(sub_minutes) or None


class SubItem(MeetingPart, VersionedModel):
    """A lettered sub-item (A, B …) of an agenda item."""

    meeting_lookup = "items__sub_items"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="sub_items",
                             verbose_name=_("punkt"))
    letter = models.CharField(_("bogstav"), max_length=2)
    position = models.PositiveSmallIntegerField(_("rækkefølge"))
    title = models.CharField(_("titel"), max_length=300)
    text = models.TextField(_("tekst"), blank=True)
    method = models.CharField(_("metode"), max_length=30, choices=Method.choices, blank=True)
    method_oral = models.BooleanField(_("mundtlig"), default=False)
    responsible = models.CharField(_("ansvarlig"), max_length=200, blank=True)
    minutes = models.PositiveSmallIntegerField(_("tidsforbrug (min)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("underpunkt")
        verbose_name_plural = _("underpunkter")
        ordering = ["item_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "letter"], name="subitem_unique_letter",
                                    violation_error_message=_(
                                        "Punktet har allerede et underpunkt med dette bogstav.")),
            models.UniqueConstraint(fields=["item", "position"], name="subitem_unique_position"),
            models.CheckConstraint(condition=Q(minutes__isnull=True) | Q(minutes__gt=0),
                                   name="subitem_minutes_positive",
                                   violation_error_message=_("Tidsforbruget skal være mindst "
                                                             "ét minut.")),
            models.CheckConstraint(condition=Q(method__in=["", *Method.values]),
                                   name="subitem_method_valid"),
        ]

    def __str__(self):
        return f"{self.letter}) {self.title}"

    def clean(self):
        self.text = sanitize_html(self.text)

    method_label = AgendaItem.method_label


class MemoSection(MeetingPart, VersionedModel):
    """One titled section of an item's memo, in the order of its template."""

    meeting_lookup = "items__memo_sections"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="memo_sections",
                             verbose_name=_("punkt"))
    position = models.PositiveSmallIntegerField(_("rækkefølge"))
    title = models.CharField(_("overskrift"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=MemoTemplate.SectionKind.choices,
                            default=MemoTemplate.SectionKind.TEXT)
    body = models.TextField(_("tekst"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indstillingsafsnit")
        # Danish says it the same in the plural; the context gives other languages their plural.
        verbose_name_plural = pgettext_lazy("plural", "indstillingsafsnit")
        ordering = ["item_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "position"],
                                    name="memosection_unique_position"),
            models.CheckConstraint(condition=Q(kind__in=MemoTemplate.SectionKind.values),
                                   name="memosection_kind_valid"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        self.body = sanitize_html(self.body)


class RecommendationPoint(MeetingPart, VersionedModel):
    """"Det indstilles, 1) at …": a numbered point the meeting decides on."""

    meeting_lookup = "items__recommendations"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE,
                             related_name="recommendations", verbose_name=_("punkt"))
    number = models.PositiveSmallIntegerField(_("nummer"))
    text = models.TextField(_("tekst"),
                            help_text=_('Uden nummer, f.eks. "at rådmanden godkender …".'))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indstillingspunkt")
        verbose_name_plural = _("indstillingspunkter")
        ordering = ["item_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="recommendation_unique_number",
                                    violation_error_message=_(
                                        "Indstillingen har allerede et punkt med dette nummer.")),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="recommendation_number_positive"),
        ]

    def __str__(self):
        return f"{self.number}) {self.text}"


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


class NoteQuerySet(MeetingPartQuerySet):
    def visible_to(self, who):
        """A note is private: its author alone reads it, and only while the item is readable."""
        viewer = as_viewer(who)
        if not viewer.is_authenticated:
            return self.none()
        return self.filter(AgendaItem.objects.visible_q(viewer, prefix="item__"),
                           author_id=viewer.user_id)


class Note(MeetingPart, VersionedModel):
    """A reader's private note on an item."""

    meeting_lookup = "items__notes"
    is_annotation = True

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="notes",
                             verbose_name=_("punkt"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="notes", verbose_name=_("forfatter"))
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    objects = NoteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("noter")
        ordering = ["item_id", "created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class CommentQuerySet(MeetingPartQuerySet):
    def visible_to(self, who):
        """Comments are shared with the series' members and secretariat, on items they read."""
        viewer = as_viewer(who)
        if not viewer.is_authenticated:
            return self.none()
        q = AgendaItem.objects.visible_q(viewer, prefix="item__")
        if viewer.is_superuser:
            return self.filter(q)
        return self.filter(q & Q(item__meeting__series__in=viewer.insider))


class Comment(MeetingPart, VersionedModel):
    """A comment on an item, shared with the other members of the series."""

    meeting_lookup = "items__comments"
    is_annotation = True

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="comments",
                             verbose_name=_("punkt"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="comments", verbose_name=_("forfatter"))
    text = models.TextField(_("kommentar"))
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects = CommentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delt kommentar")
        verbose_name_plural = _("delte kommentarer")
        ordering = ["item_id", "created_at", "pk"]

    def __str__(self):
        return self.text[:60]


def annotatable_items(who):
    """Items `who` may annotate: readable ones in series they belong to (notes and shared
    comments are for the series' own people, not for the public)."""
    viewer = as_viewer(who)
    return AgendaItem.objects.visible_to(viewer).filter(
        meeting__series__in=MeetingSeries.objects.with_insider(viewer))
