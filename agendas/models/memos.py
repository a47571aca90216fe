"""A memo's sections and its numbered recommendation points."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from agendas.models.items import AgendaItem
from common.models import VersionedModel
from common.richtext import sanitize_html
from meetings.models import MemoTemplate
from meetings.versions import MeetingPart


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
