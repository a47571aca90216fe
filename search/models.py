from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, MeetingSeries


class EntryKind(models.TextChoices):
    MEETING = "meeting", _("Møde")
    ITEM = "item", _("Punkt")
    DECISION = "decision", _("Beslutning")
    FOLLOW_UP = "follow_up", _("Opfølgning")
    ATTACHMENT = "attachment", _("Bilag")


class SearchEntry(models.Model):
    """One thing search finds, as it read at its meeting's content version (search/index.py).

    The texts are stored by weight: `title` (A), `text_b` recommendations, decisions and
    follow-ups (B), `text_c` memo, item text and meeting information (C), `text_d` the text
    of a Bilag (D). `vector` holds them as the `danish` configuration reads them, on
    PostgreSQL only (SQLite searches the texts themselves).

    Who may see the entry is the thing's own visibility rule, evaluated when the entry was
    written for the classes of viewers: the public (anyone), a member of its series, its
    secretariat. Everything a rule reads moves the meeting's content version, and search
    brings a meeting's entries up to its version before it answers, so an entry never says
    more than the rule says now (reclassifying an item closed takes it out at once).
    """

    Kind = EntryKind

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("id"))
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("møde"))
    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("mødeserie"))
    date = models.DateField(_("mødedato"))
    item_number = models.PositiveSmallIntegerField(_("punktnummer"), null=True, blank=True)
    title = models.CharField(_("titel"), max_length=400)
    # The title in lower case, for substring matches (the second half of a compound) through
    # the trigram index; folded in Python, so æ, ø and å fold whatever the database's locale.
    title_folded = models.CharField(max_length=400)
    text_b = models.TextField(blank=True)
    text_c = models.TextField(blank=True)
    text_d = models.TextField(blank=True)
    vector = SearchVectorField(null=True)
    public = models.BooleanField(_("offentlig"))
    member = models.BooleanField(_("for seriens medlemmer"))
    secretariat = models.BooleanField(_("for seriens sekretariat"))

    # The GIN indexes (vector; trigrams of title_folded) are PostgreSQL's only, made in the
    # migrations (0002) rather than declared here, so that SQLite migrates too.
    class Meta:
        verbose_name = _("søgeindgang")
        verbose_name_plural = _("søgeindgange")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="searchentry_unique"),
            models.CheckConstraint(condition=Q(kind__in=EntryKind.values),
                                   name="searchentry_kind_valid"),
        ]
        indexes = [
            models.Index(fields=["meeting"], name="searchentry_meeting"),
            # Search ranks the newest matches (search/query.py CANDIDATES): a common word is
            # read from here, newest first, until enough are found.
            models.Index(fields=["-date", "-id"], name="searchentry_newest"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class IndexedMeeting(models.Model):
    """The content version of a meeting its search entries were written at."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, primary_key=True,
                                   related_name="+", verbose_name=_("møde"))
    content_version = models.BigIntegerField(_("indholdsversion"))

    class Meta:
        verbose_name = _("indekseret møde")
        verbose_name_plural = _("indekserede møder")

    def __str__(self):
        return f"{self.meeting_id}@{self.content_version}"
