from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import VersionedModel
from meetings.versions import MeetingPart, MeetingPartQuerySet, new_version
from meetings.viewer import as_viewer


class SeriesKind(models.TextChoices):
    RAADMANDSMOEDE = "raadmandsmoede", _("Rådmandsmøde")
    UDVALGSMOEDE = "udvalgsmoede", _("Udvalgsmøde")
    DIREKTION = "direktion", _("Direktion")
    CHEFGRUPPE = "chefgruppe", _("Chefgruppe")
    ANDET = "andet", _("Andet møde")


class SeriesLayout(models.TextChoices):
    AGENDA = "agenda", _("Dagsorden med punkter og indstillinger")
    COMMITTEE = "committee", _("Udvalgsdagsorden (Emne, Mødedato, Dagsorden kort …)")


class MinutesForm(models.TextChoices):
    SHORT = "short", _("Kort referat")
    WITH_AGENDA = "with_agenda", _("Dagsorden med beslutninger")


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    AGENDA_SENT = "agenda_sent", _("Dagsorden udsendt")
    MINUTES_DRAFT = "minutes_draft", _("Referat under udarbejdelse")
    MINUTES_APPROVED = "minutes_approved", _("Referat godkendt")
    PUBLISHED = "published", _("Offentliggjort")


class MeetingSeriesQuerySet(MeetingPartQuerySet):
    def with_secretariat(self, who):
        """Series whose secretariat `who` belongs to (they edit everything in them)."""
        viewer = as_viewer(who)
        if not viewer.is_authenticated:
            return self.none()
        if viewer.is_superuser:
            return self.all()
        return self.filter(pk__in=viewer.secretariat)

    def with_member(self, who):
        """Series `who` is a member of (they read everything in them but drafts)."""
        viewer = as_viewer(who)
        if not viewer.is_authenticated:
            return self.none()
        return self.filter(pk__in=viewer.member)

    def with_insider(self, who):
        """Series where `who` belongs, as secretariat or member."""
        viewer = as_viewer(who)
        if viewer.is_superuser:
            return self.all()
        return self.filter(pk__in=viewer.insider) if viewer.is_authenticated else self.none()

    def visible_to(self, who):
        viewer = as_viewer(who)
        if viewer.is_superuser:
            return self.all()
        q = Q(pk__in=Meeting.objects.filter(status=Meeting.Status.PUBLISHED).values("series_id"))
        if viewer.is_authenticated:
            q |= Q(pk__in=viewer.insider)
        return self.filter(q)


class MemoTemplate(MeetingPart):
    """The ordered sections of a recommendation memo ("Indstilling"), template A or B."""

    meeting_lookup = "items__memo_template"

    class Layout(models.TextChoices):
        DEPARTMENT = "A", _("A: afdelingens indstilling (INDSTILLING, SAGSFREMSTILLING …)")
        NUMBERED = "B", _("B: nummererede afsnit (1. Resume, 2. Beslutningspunkter …)")

    class SectionKind(models.TextChoices):
        TEXT = "text", _("Tekst")
        RECOMMENDATION = "recommendation", _("Indstillingspunkter")
        ATTACHMENTS = "attachments", _("Bilagsliste")

    name = models.CharField(_("navn"), max_length=200, unique=True)
    layout = models.CharField(_("layout"), max_length=1, choices=Layout.choices)
    sections = models.JSONField(
        _("afsnit"),
        default=list,
        help_text=_('Afsnittene i rækkefølge: [{"title": "ØKONOMI", "kind": "text"}, …]'),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indstillingsskabelon")
        verbose_name_plural = _("indstillingsskabeloner")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(layout__in=["A", "B"]),
                                   name="memotemplate_layout_valid"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        kinds = set(self.SectionKind.values)
        if not isinstance(self.sections, list) or not all(
            isinstance(s, dict) and str(s.get("title", "")).strip() and s.get("kind") in kinds
            for s in self.sections
        ):
            raise ValidationError({"sections": _(
                "Hvert afsnit skal have en titel og en af typerne tekst, indstillingspunkter "
                "eller bilagsliste.")})


class MeetingSeries(MeetingPart, VersionedModel):
    """A forum that meets repeatedly, such as "Rådmandsmøder 2022-2025"."""

    meeting_lookup = "series"

    Kind = SeriesKind

    Layout = SeriesLayout

    MinutesForm = MinutesForm

    name = models.CharField(_("navn"), max_length=200, unique=True)
    period = models.CharField(_("periode"), max_length=50, blank=True,
                              help_text=_("F.eks. 2022-2025."))
    kind = models.CharField(_("mødetype"), max_length=20, choices=Kind.choices)
    layout = models.CharField(_("dagsordenslayout"), max_length=20, choices=Layout.choices,
                              default=Layout.AGENDA)
    minutes_form = models.CharField(_("referatform"), max_length=20,
                                    choices=MinutesForm.choices, default=MinutesForm.SHORT)
    default_location = models.CharField(_("fast mødested"), max_length=200, blank=True)
    default_start_time = models.TimeField(_("fast starttidspunkt"), null=True, blank=True)
    default_end_time = models.TimeField(_("fast sluttidspunkt"), null=True, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                     related_name="member_of_series", verbose_name=_("medlemmer"))
    secretariat = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                         related_name="secretariat_of_series",
                                         verbose_name=_("sekretariat"))
    memo_template = models.ForeignKey(MemoTemplate, on_delete=models.PROTECT, null=True,
                                      blank=True, related_name="series",
                                      verbose_name=_("indstillingsskabelon"))
    addressee = models.CharField(_("indstillinger stiles til"), max_length=200, blank=True,
                                 help_text=_('F.eks. "Til Rådmandsmødet".'))
    sender_block = models.TextField(
        _("afsender og kontakt"), blank=True,
        help_text=_("Én linje pr. linje i afsenderblokken (forvaltning, enhed, adresse, telefon)."))

    objects = MeetingSeriesQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[members, secretariat])

    class Meta:
        verbose_name = _("mødeserie")
        verbose_name_plural = _("mødeserier")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=SeriesKind.values),
                                   name="series_kind_valid"),
            models.CheckConstraint(condition=Q(layout__in=SeriesLayout.values),
                                   name="series_layout_valid"),
            models.CheckConstraint(
                condition=Q(minutes_form__in=MinutesForm.values),
                name="series_minutes_form_valid"),
            models.CheckConstraint(
                condition=Q(default_end_time__isnull=True) | Q(default_start_time__isnull=True)
                | Q(default_end_time__gt=models.F("default_start_time")),
                name="series_default_end_after_start",
                violation_error_message=_("Det faste sluttidspunkt skal ligge efter "
                                          "starttidspunktet.")),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

    def get_absolute_url(self):
        return reverse("meetings:series", args=[self.pk])


class StandardItem(models.Model):
    """An item copied into every new meeting of the series (Dagsorden, Referat, Bordrunde …)."""

    class Placement(models.TextChoices):
        OPENING = "opening", _("Først på dagsordenen")
        CLOSING = "closing", _("Sidst på dagsordenen")

    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE,
                               related_name="standard_items", verbose_name=_("mødeserie"))
    title = models.CharField(_("titel"), max_length=300)
    minutes = models.PositiveSmallIntegerField(_("minutter"), null=True, blank=True)
    placement = models.CharField(_("placering"), max_length=10, choices=Placement.choices,
                                 default=Placement.OPENING)
    position = models.PositiveSmallIntegerField(_("rækkefølge"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("standardpunkt")
        verbose_name_plural = _("standardpunkter")
        ordering = ["series_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["series", "position"],
                                    name="standarditem_unique_position",
                                    violation_error_message=_(
                                        "To standardpunkter i samme serie kan ikke have samme "
                                        "rækkefølge.")),
            models.CheckConstraint(condition=Q(minutes__isnull=True) | Q(minutes__gt=0),
                                   name="standarditem_minutes_positive",
                                   violation_error_message=_("Tidsforbruget skal være mindst "
                                                             "ét minut.")),
            models.CheckConstraint(condition=Q(placement__in=["opening", "closing"]),
                                   name="standarditem_placement_valid"),
        ]

    def __str__(self):
        return self.title


class MeetingQuerySet(MeetingPartQuerySet):
    def visible_q(self, who, prefix: str = "") -> Q:
        """The one rule for who may see a meeting (every page, PDF, feed and search starts here):
        anyone sees published meetings; members see their series' meetings once the agenda is
        sent; the secretariat sees all of its series, drafts included. `prefix` is the path
        to the meeting from another model.
        """
        viewer = as_viewer(who)
        p = prefix
        q = Q(**{f"{p}status": Meeting.Status.PUBLISHED})
        if viewer.is_authenticated:
            if viewer.is_superuser:
                return Q()
            q |= Q(**{f"{p}series__in": viewer.secretariat})
            q |= Q(**{f"{p}series__in": viewer.member}) & ~Q(**{f"{p}status":
                                                              Meeting.Status.DRAFT})
        return q

    def visible_to(self, who):
        return self.filter(self.visible_q(who))

    def editable_by(self, who):
        return self.filter(series__in=MeetingSeries.objects.with_secretariat(who))


class Meeting(MeetingPart, VersionedModel):
    """One meeting of a series: its header, status and, through its items, its agenda."""

    meeting_lookup = "pk"

    Status = MeetingStatus

    series = models.ForeignKey(MeetingSeries, on_delete=models.PROTECT, related_name="meetings",
                               verbose_name=_("mødeserie"))
    title = models.CharField(_("emne"), max_length=300, blank=True,
                             help_text=_("Tom: seriens navn."))
    date = models.DateField(_("dato"))
    start_time = models.TimeField(_("starttidspunkt"))
    end_time = models.TimeField(_("sluttidspunkt"), null=True, blank=True)
    location = models.CharField(_("mødested"), max_length=200, blank=True)
    information = models.TextField(_("information"), blank=True)
    guests = models.TextField(_("gæster"), blank=True, help_text=_("Én gæst pr. linje."))
    minute_taker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("referent"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    agenda_sent_at = models.DateTimeField(_("dagsorden udsendt"), null=True, blank=True)
    agenda_sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                       null=True, blank=True, related_name="+",
                                       verbose_name=_("dagsorden udsendt af"))
    minutes_approved_at = models.DateTimeField(_("referat godkendt"), null=True, blank=True)
    minutes_approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                            null=True, blank=True, related_name="+",
                                            verbose_name=_("referat godkendt af"))
    minutes_approved_in = models.ForeignKey("self", on_delete=models.SET_NULL, null=True,
                                            blank=True, related_name="+",
                                            verbose_name=_("referat godkendt på mødet"))
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)
    # Cancelling is beside the steps above (a cancelled meeting keeps its status): calendars
    # show it as cancelled (meetings/services.py meeting_cancel).
    cancelled_at = models.DateTimeField(_("aflyst"), null=True, blank=True)
    # The iCalendar SEQUENCE: raised when the meeting moves (date, time, place) or is
    # cancelled, so calendars that hold it take the change (meetings/services.py).
    calendar_sequence = models.PositiveIntegerField(_("kalenderversion"), default=0,
                                                    editable=False)
    # The agenda document's own sender details (the committee layout's contact block).
    document_date = models.DateField(_("dokumentdato"), null=True, blank=True)
    case_number = models.CharField(_("sagsnummer"), max_length=50, blank=True)
    contact_name = models.CharField(_("sagsbehandler"), max_length=200, blank=True)
    contact_phone = models.CharField(_("direkte telefon"), max_length=50, blank=True)
    contact_email = models.CharField(_("direkte e-mail"), max_length=200, blank=True)
    # What readers see of the meeting, by version (meetings/versions.py); written by
    # content_changed() alone, and kept out of the history.
    content_version = models.BigIntegerField(_("indholdsversion"), default=new_version,
                                             editable=False)
    annotations_version = models.BigIntegerField(_("version af noter og kommentarer"),
                                                 default=new_version, editable=False)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["content_version", "annotations_version"])

    class Meta:
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        ordering = ["-date", "-start_time", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["series", "date", "start_time"],
                                    name="meeting_unique_slot",
                                    violation_error_message=_(
                                        "Serien har allerede et møde på denne dato og dette "
                                        "tidspunkt.")),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(end_time__gt=models.F("start_time")),
                name="meeting_end_after_start",
                violation_error_message=_("Mødet skal slutte efter, at det begynder.")),
            models.CheckConstraint(condition=Q(status__in=MeetingStatus.values),
                                   name="meeting_status_valid"),
        ]
        indexes = [models.Index(fields=["series", "-date"], name="meeting_series_date")]

    def __str__(self):
        return f"{self.series.name} {self.date:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("reading:meeting", args=[self.pk])

    @property
    def display_title(self) -> str:
        """"Rådmandsmøde", or the meeting's own subject ("Social- og Beskæftigelsesudvalgsmøde")."""
        return self.title or self.series.get_kind_display()

    @property
    def numbers_frozen(self) -> bool:
        """Item numbers are fixed once the agenda has been sent; the order can still change."""
        return self.status != self.Status.DRAFT

    @property
    def has_minutes(self) -> bool:
        """Minutes exist from the start of minute taking on."""
        return self.status in {self.Status.MINUTES_DRAFT, self.Status.MINUTES_APPROVED,
                               self.Status.PUBLISHED}

    @property
    def minutes_locked(self) -> bool:
        """Approved minutes are not edited any more."""
        return self.status in {self.Status.MINUTES_APPROVED, self.Status.PUBLISHED}

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED


class StatusChange(models.Model):
    """One step of a meeting's lifecycle: who took it, when, and (for a step back) why."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="status_changes",
                                verbose_name=_("møde"))
    from_status = models.CharField(_("fra status"), max_length=20, choices=MeetingStatus.choices)
    to_status = models.CharField(_("til status"), max_length=20, choices=MeetingStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                           blank=True, related_name="+", verbose_name=_("udført af"))
    at = models.DateTimeField(_("tidspunkt"))
    reason = models.TextField(_("begrundelse"), blank=True)

    class Meta:
        verbose_name = _("statusskift")
        verbose_name_plural = _("statusskift")
        ordering = ["meeting_id", "at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(from_status__in=MeetingStatus.values)
                                   & Q(to_status__in=MeetingStatus.values),
                                   name="statuschange_status_valid"),
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"

    @property
    def is_step_back(self) -> bool:
        order = MeetingStatus.values
        return order.index(self.to_status) < order.index(self.from_status)
