from django.conf import settings
from django.db import models
from django.db.models import CharField, F, Q, StringAgg, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agendas.models import AgendaItem, RecommendationPoint
from common.models import Autosaved, VersionedModel
from common.richtext import sanitize_html
from meetings.models import Meeting, MeetingSeries
from meetings.versions import MeetingPart, MeetingPartQuerySet
from meetings.viewer import as_viewer

RELEASED_STATUSES = [Meeting.Status.MINUTES_APPROVED, Meeting.Status.PUBLISHED]


class DecisionQuerySet(MeetingPartQuerySet):
    def visible_q(self, who, prefix: str = "") -> Q:
        """A decision is readable where its item is, once its meeting releases it."""
        viewer = as_viewer(who)
        return (AgendaItem.objects.visible_q(viewer, prefix=f"{prefix}item__")
                & self.released_q(viewer, prefix=f"{prefix}item__meeting__"))

    def released_q(self, who, prefix: str = "") -> Q:
        """Meetings whose decisions reach the viewer: all once the minutes are approved, and
        to the series' secretariat already while they are written (the minute taker's draft
        is not yet the members'). `prefix` is the path to the meeting."""
        viewer = as_viewer(who)
        if viewer.is_superuser:
            return Q()
        released = Q(**{f"{prefix}status__in": RELEASED_STATUSES})
        if not viewer.is_authenticated:
            return released
        return released | Q(**{f"{prefix}series__in": viewer.secretariat})

    def visible_to(self, who):
        return self.filter(self.visible_q(who))


class Numbering(models.TextChoices):
    NUMBERED = "numbered", _("Nummererede punkter: 1) …")
    SINGLE = "single", _("Én sætning uden nummer")


class Decision(MeetingPart, Autosaved, VersionedModel):
    """The decision ("Beslutning") on one agenda item: its numbered points, then the discussion."""

    meeting_lookup = "items__decision"

    Numbering = Numbering

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="decision",
                                verbose_name=_("punkt"))
    text = models.TextField(_("drøftelse og bemærkninger"), blank=True)
    # "1) Rådmanden tog orienteringen til efterretning." is numbered though it stands alone;
    # "Godkendt." is not. Several points are always numbered.
    numbering = models.CharField(_("punkternes form"), max_length=10, choices=Numbering.choices,
                                 default=Numbering.SINGLE)
    # "Punktet blev ikke behandlet": the copy of the item on the series' next meeting.
    moved_to = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="moved_from", verbose_name=_("flyttet til"))

    objects = DecisionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=Autosaved.AUTOSAVE_FIELDS)

    class Meta:
        verbose_name = _("beslutning")
        verbose_name_plural = _("beslutninger")
        constraints = [
            models.CheckConstraint(condition=Q(numbering__in=Numbering.values),
                                   name="decision_numbering_valid"),
        ]

    def __str__(self):
        return _("Beslutning for %(item)s") % {"item": self.item}

    def clean(self):
        self.text = sanitize_html(self.text)


class Outcome(models.TextChoices):
    GODKENDT = "godkendt", _("Godkendt")
    TAGET_TIL_EFTERRETNING = "taget_til_efterretning", _("Taget til efterretning")
    DROEFTET = "droeftet", _("Drøftet")
    IKKE_GODKENDT = "ikke_godkendt", _("Ikke godkendt")
    IKKE_BEHANDLET = "ikke_behandlet", _("Ikke behandlet")


class DecisionPointQuerySet(MeetingPartQuerySet):
    def with_answered_numbers(self):
        """Each point with the numbers of the recommendation points it answers ("1,3"), read
        in the same query."""
        return self.annotate(answered=StringAgg(Cast("answers__number", CharField()),
                                                Value(","), default=Value(""))).order_by(
            *DecisionPoint._meta.ordering)


class DecisionPoint(MeetingPart, Autosaved, VersionedModel):
    """A numbered point of a decision, with its outcome and the recommendation points it answers."""

    meeting_lookup = "items__decision__points"

    Outcome = Outcome

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="points",
                                 verbose_name=_("beslutning"))
    number = models.PositiveSmallIntegerField(_("nummer"))
    text = models.TextField(_("tekst"))
    outcome = models.CharField(_("udfald"), max_length=30, choices=Outcome.choices)
    answers = models.ManyToManyField(RecommendationPoint, blank=True, related_name="answered_by",
                                     verbose_name=_("svarer på indstillingspunkt"))

    objects = DecisionPointQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[answers], excluded_fields=Autosaved.AUTOSAVE_FIELDS)

    class Meta:
        verbose_name = _("beslutningspunkt")
        verbose_name_plural = _("beslutningspunkter")
        ordering = ["decision_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "number"],
                                    name="decisionpoint_unique_number",
                                    violation_error_message=_(
                                        "Beslutningen har allerede et punkt med dette nummer.")),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="decisionpoint_number_positive"),
            models.CheckConstraint(condition=Q(outcome__in=Outcome.values),
                                   name="decisionpoint_outcome_valid"),
        ]

    def __str__(self):
        return f"{self.number}) {self.text[:60]}"

    def answered_numbers(self) -> list[int]:
        """The numbers of the recommendation points this point answers, as read with the
        point (`with_answered_numbers`) or else asked for now."""
        known = getattr(self, "answered", None)
        if known is not None or "answered" in self.__dict__:
            return sorted(int(n) for n in (known or "").split(",") if n)
        return sorted(point.number for point in self.answers.all())

    def label(self, *, answers_form: bool) -> str:
        """How the point is introduced: "Ad 2) og Ad 3)" in the agenda-with-decisions form when
        it answers recommendation points; "2)" when the decision is numbered, has several
        points or this one answers any; nothing for a lone phrase such as "Godkendt."."""
        answered = self.answered_numbers()
        if answers_form and answered:
            labels = [_("Ad %(number)s)") % {"number": number} for number in answered]
            conjunction = _("og")
            return f" {conjunction} ".join(labels)
        decision = self.decision
        if (answered or decision.numbering == Numbering.NUMBERED
                or len(decision.points.all()) > 1):
            return f"{self.number})"
        return ""


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Åben")
    IN_PROGRESS = "in_progress", _("I gang")
    DONE = "done", _("Udført")
    CANCELLED = "cancelled", _("Annulleret")


class FollowUpQuerySet(MeetingPartQuerySet):
    def visible_q(self, who) -> Q:
        """A follow-up is readable where its decision is, and by its owner once the minutes
        are approved (an owner from outside the series sees what was asked of them)."""
        viewer = as_viewer(who)
        q = Decision.objects.visible_q(viewer, prefix="decision__")
        if q and viewer.is_authenticated:
            q |= Q(owner_user_id=viewer.user_id,
                   decision__item__meeting__status__in=RELEASED_STATUSES)
        return q

    def visible_to(self, who):
        return self.filter(self.visible_q(who))

    def open(self):
        return self.filter(status__in=[FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS])

    def overdue(self, today):
        return self.open().filter(due_date__lt=today)


class FollowUp(MeetingPart, VersionedModel):
    """Something a decision asks a person or a unit to follow up on ("FAS følger op")."""

    meeting_lookup = "items__decision__follow_ups"

    Status = FollowUpStatus

    CLOSED_STATUSES = (Status.DONE, Status.CANCELLED)

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="follow_ups",
                                 verbose_name=_("beslutning"))
    description = models.TextField(_("beskrivelse"))
    owner_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="follow_ups",
                                   verbose_name=_("ansvarlig person"))
    owner_unit = models.CharField(_("ansvarlig enhed"), max_length=200, blank=True,
                                  help_text=_('En enhed eller rolle, f.eks. "FAS" eller '
                                              '"Organisation og Ledelse".'))
    due_date = models.DateField(_("frist"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.OPEN)
    opened_on = models.DateField(_("oprettet"))
    closed_on = models.DateField(_("afsluttet"), null=True, blank=True)
    # Put on a later meeting's agenda from that meeting's "Opfølgning" panel.
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="follow_ups_on_agenda",
                                    verbose_name=_("sat på dagsordenen som"))

    objects = FollowUpQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["decision_id", "opened_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(owner_user__isnull=False) & Q(owner_unit=""))
                | (Q(owner_user__isnull=True) & ~Q(owner_unit="")),
                name="followup_one_owner",
                violation_error_message=_("En opfølgning skal have én ansvarlig: enten en person "
                                          "eller en enhed.")),
            models.CheckConstraint(condition=Q(status__in=FollowUpStatus.values),
                                   name="followup_status_valid"),
            models.CheckConstraint(
                condition=(Q(status__in=["done", "cancelled"]) & Q(closed_on__isnull=False))
                | (~Q(status__in=["done", "cancelled"]) & Q(closed_on__isnull=True)),
                name="followup_closed_date_matches_status",
                violation_error_message=_("En udført eller annulleret opfølgning skal have en "
                                          "afslutningsdato, og en åben eller igangværende må ikke "
                                          "have en.")),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="followup_closed_after_opened",
                violation_error_message=_("Afslutningsdatoen kan ikke ligge før oprettelsen.")),
        ]
        indexes = [
            # The follow-up board reads what is still open in due-date order, one page at a
            # time, straight from this index (decisions/board.py).
            models.Index(fields=["due_date"], name="followup_open_due",
                         condition=Q(status__in=["open", "in_progress"])),
            # "Mine opfølgninger".
            models.Index(fields=["owner_user", "due_date"], name="followup_owner_due"),
        ]

    def __str__(self):
        return f"{self.owner}: {self.description[:60]}"

    @property
    def owner(self) -> str:
        if self.owner_user_id:
            return self.owner_user.get_full_name() or self.owner_user.get_username()
        return self.owner_unit

    @property
    def is_open(self) -> bool:
        return self.status not in self.CLOSED_STATUSES

    def is_overdue(self, today) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < today


# The standard phrases of the seeds, one click away in the minute taker's screen, until a
# series writes its own list.
DEFAULT_PHRASES = [
    ("Godkendt.", Outcome.GODKENDT),
    ("Referatet blev godkendt.", Outcome.GODKENDT),
    ("Rådmanden tog orienteringen til efterretning.", Outcome.TAGET_TIL_EFTERRETNING),
    ("Materialet blev drøftet.", Outcome.DROEFTET),
    ("Intet til referat.", Outcome.TAGET_TIL_EFTERRETNING),
    ("Intet at bemærke.", Outcome.TAGET_TIL_EFTERRETNING),
]


class Phrase(models.Model):
    """A standard phrase of a series' minutes ("Godkendt."), with the outcome it records."""

    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="phrases",
                               verbose_name=_("mødeserie"))
    position = models.PositiveSmallIntegerField(_("rækkefølge"))
    text = models.CharField(_("tekst"), max_length=300)
    outcome = models.CharField(_("udfald"), max_length=30, choices=Outcome.choices)

    class Meta:
        verbose_name = _("standardtekst")
        verbose_name_plural = _("standardtekster")
        ordering = ["series_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["series", "position"], name="phrase_unique_position"),
            models.CheckConstraint(condition=Q(outcome__in=Outcome.values),
                                   name="phrase_outcome_valid"),
        ]

    def __str__(self):
        return self.text


class AttendanceQuerySet(MeetingPartQuerySet):
    def visible_to(self, who):
        """Who came is part of the minutes: readable with the meeting's decisions (all who see
        the meeting once the minutes are approved, the secretariat already while written)."""
        viewer = as_viewer(who)
        return self.filter(meeting__in=Meeting.objects.visible_to(viewer)).filter(
            Decision.objects.released_q(viewer, prefix="meeting__"))


class Attendance(MeetingPart, VersionedModel):
    """Whether a member of the series came to the meeting or sent word ("Afbud")."""

    meeting_lookup = "attendance"

    class Status(models.TextChoices):
        PRESENT = "present", _("Deltog")
        ABSENT = "absent", _("Afbud")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance",
                                verbose_name=_("møde"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="attendance", verbose_name=_("medlem"))
    status = models.CharField(_("fremmøde"), max_length=10, choices=Status.choices)

    objects = AttendanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("fremmøde")
        verbose_name_plural = _("fremmøde")
        ordering = ["meeting_id", "user__first_name", "user__last_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="attendance_unique_member",
                                    violation_error_message=_(
                                        "Medlemmets fremmøde er allerede registreret.")),
            models.CheckConstraint(condition=Q(status__in=["present", "absent"]),
                                   name="attendance_status_valid"),
        ]

    def __str__(self):
        return f"{self.name}: {self.get_status_display()}"

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class ItemAttendanceQuerySet(MeetingPartQuerySet):
    def visible_to(self, who):
        """Readable where the item's decision is."""
        return self.filter(Decision.objects.visible_q(who))


class ItemAttendance(MeetingPart, VersionedModel):
    """A member's absence from one item, or their declared conflict of interest ("Inhabil")."""

    meeting_lookup = "items__attendance"

    class Kind(models.TextChoices):
        ABSENT = "absent", _("Fraværende under punktet")
        INHABIL = "inhabil", _("Inhabil")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="attendance",
                             verbose_name=_("punkt"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="item_attendance", verbose_name=_("medlem"))
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)

    objects = ItemAttendanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("fravær under punkt")
        verbose_name_plural = _("fravær under punkter")
        ordering = ["item_id", "kind", "user__first_name", "user__last_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="itemattendance_unique_member",
                                    violation_error_message=_(
                                        "Medlemmet er allerede registreret under punktet.")),
            models.CheckConstraint(condition=Q(kind__in=["absent", "inhabil"]),
                                   name="itemattendance_kind_valid"),
        ]

    def __str__(self):
        return f"{self.name}: {self.get_kind_display()}"

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()
