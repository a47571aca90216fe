"""Agenda items and their lettered sub-items, with the one visibility rule for items."""

from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
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
