"""The benchmark data set: 50 series, 2,000 meetings, 30,000 items, 60,000 attachments,
20,000 follow-ups.

Written with bulk_create in one transaction (about half a minute on the shared 2-core
machine), then ANALYZEd so the planner sees real row counts. The 60,000 attachment records
share a handful of small real PDFs: storage is content-addressed (bilag/<sha[:2]>/<sha>.pdf),
so attachments with the same sha256 share one stored file, exactly as uploads would.

Bulk inserts write no history rows; nothing benchmarked here reads history.
"""

import datetime as dt
import hashlib
import io
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from agendas.models import (
    AgendaItem,
    Attachment,
    MemoSection,
    RecommendationPoint,
    SubItem,
    attachment_upload_to,
)
from decisions.models import Decision, DecisionPoint, FollowUp
from meetings.models import Meeting, MeetingSeries, MemoTemplate
from search import index as search_index

SERIES = 50
MEETINGS_PER_SERIES = 40
ITEMS_PER_MEETING = 15
ATTACHMENTS_PER_ITEM = 2
FOLLOW_UPS = 20_000
UNITS = ["FAS", "MØB", "Organisation og Ledelse", "Job og Virksomhedsservice", "Socialområdet"]


def expected(scale: int = 1) -> dict:
    """The row counts of the data set at `scale` times the default size (the follow-ups stay
    20,000: the board is measured at that size)."""
    series = SERIES * scale
    return {
        "series": series,
        "meetings": series * MEETINGS_PER_SERIES,
        "items": series * MEETINGS_PER_SERIES * ITEMS_PER_MEETING,
        "attachments": series * MEETINGS_PER_SERIES * ITEMS_PER_MEETING * ATTACHMENTS_PER_ITEM,
        "follow_ups": FOLLOW_UPS,
    }


# Every benchmark series is named with this prefix: it tells our seed from anyone's real data.
SERIES_PREFIX = "Benchmark-serie"
MEMBER = "bench-medlem"
SECRETARY = "bench-sekretaer"
PASSWORD = "bench-kode-ikke-til-produktion"
PDF_VARIANTS = 5

MEMO_SECTIONS = [("INDSTILLING", "recommendation"), ("SAGSFREMSTILLING", "text"),
                 ("ØKONOMI", "text"), ("BILAG", "attachments")]
PARAGRAPH = ("<p>Magistratsafdelingen for Sociale Forhold og Beskæftigelse orienterer om status "
             "på indsatsen. Sagen har været drøftet i chefgruppen, og der er enighed om den "
             "videre proces, herunder inddragelse af de faglige organisationer og en tidsplan "
             "for implementeringen i 2024.</p>")
ITEM_TEXT = PARAGRAPH * 2 + "<ul><li>Status på budget</li><li>Næste skridt</li></ul>"
BODY = PARAGRAPH * 3


class NotABenchmarkDatabase(Exception):
    pass


@dataclass
class SeedResult:
    reused: bool
    seconds: float
    counts: dict


def counts() -> dict:
    return {
        "series": MeetingSeries.objects.count(),
        "meetings": Meeting.objects.count(),
        "items": AgendaItem.objects.count(),
        "attachments": Attachment.objects.count(),
        "follow_ups": FollowUp.objects.count(),
    }


def ensure_seed(*, reseed: bool = False, scale: int = 1, log=print) -> SeedResult:
    """Reuse the seed when its row counts match (and restore its files when missing);
    otherwise, in an empty database or one holding an earlier benchmark seed, seed afresh.
    A database with anyone else's meetings is refused, never flushed."""
    started = time.perf_counter()
    ours = MeetingSeries.objects.filter(name__startswith=SERIES_PREFIX).exists()
    if Meeting.objects.exists() and not ours:
        raise NotABenchmarkDatabase(
            f"{connection.settings_dict['NAME']} holds meetings that are not a benchmark seed; "
            "point DATABASE_URL at an empty database (the default is .../bench).")
    current = counts()
    if current == expected(scale) and not reseed:
        written = {pdf["sha256"] for pdf in _write_pdfs()}
        referenced = set(Attachment.objects.values_list("sha256", flat=True).distinct())
        if referenced <= written:
            search_index.refresh(log=log)  # nothing to do when the entries are current
            return SeedResult(True, time.perf_counter() - started, current)
        log("seed: the stored records point at files this version does not write; reseeding")
    if Meeting.objects.exists() or get_user_model().objects.exists():
        log(f"seed: emptying {connection.settings_dict['NAME']} (it held {current})")
        call_command("flush", interactive=False, verbosity=0)
    target = expected(scale)
    log(f"seed: writing {target['series']:,} series, {target['meetings']:,} meetings, "
        f"{target['items']:,} items, {target['attachments']:,} attachments, "
        f"{target['follow_ups']:,} follow-ups …")
    pdfs = _write_pdfs()
    with transaction.atomic():
        _seed(pdfs, series_count=target["series"], log=log)
        # The search entries of every meeting, as search itself writes them.
        search_index.refresh(log=log)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return SeedResult(False, time.perf_counter() - started, counts())


def _write_pdfs() -> list[dict]:
    """The few real PDFs every attachment record points at, in content-addressed storage."""
    pdfs = []
    for variant in range(PDF_VARIANTS):
        data = _pdf(f"Bilag {variant + 1} til benchmark", pages=variant + 1)
        sha = hashlib.sha256(data).hexdigest()
        name = attachment_upload_to(type("A", (), {"sha256": sha})(), "x.pdf")
        path = Path(settings.MEDIA_ROOT) / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        pdfs.append({"name": name, "sha256": sha, "size": len(data), "pages": variant + 1,
                     "text": f"Bilag {variant + 1} til benchmark"})
    return pdfs


def _pdf(text: str, pages: int) -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for number in range(1, pages + 1):
        stream = f"BT /F1 14 Tf 72 760 Td ({text}, side {number}) Tj ET".encode("latin-1")
        page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                                  Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                                  Contents=pdf.make_stream(stream))
        pdf.pages.append(pikepdf.Page(page))
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)  # same text, same bytes, same sha256
    return out.getvalue()


def _seed(pdfs: list[dict], *, series_count: int, log) -> None:
    User = get_user_model()
    password = make_password(PASSWORD)  # hashed once: PBKDF2 per user would take minutes
    users = User.objects.bulk_create(
        [User(username=MEMBER, first_name="Bente", last_name="Benchmark", password=password),
         User(username=SECRETARY, first_name="Bo", last_name="Benchmark", password=password)]
        + [User(username=f"bench-{n:03d}", first_name="Bruger", last_name=str(n),
                password=password) for n in range(series_count * 5)])
    member, secretary, others = users[0], users[1], users[2:]

    template = MemoTemplate.objects.create(
        name="Benchmark: indstilling A", layout="A",
        sections=[{"title": t, "kind": k} for t, k in MEMO_SECTIONS])
    kinds = [k for k, _ in MeetingSeries.Kind.choices]
    series_list = MeetingSeries.objects.bulk_create([
        MeetingSeries(name=f"{SERIES_PREFIX} {n + 1:02d}", period="2022-2025",
                      kind=kinds[n % len(kinds)], default_location="Rådhuset, lokale 390",
                      default_start_time=dt.time(9 + n % 5), default_end_time=dt.time(12 + n % 5),
                      memo_template=template, addressee="Til Rådmandsmødet")
        for n in range(series_count)])
    Secretariat = MeetingSeries.secretariat.through
    Members = MeetingSeries.members.through
    # The benchmark's secretary is in every series' secretariat: its follow-up board holds all
    # 20,000 follow-ups.
    Secretariat.objects.bulk_create(
        [Secretariat(meetingseries=s, user=secretary) for s in series_list]
        + [Secretariat(meetingseries=s, user=others[i * 5]) for i, s in enumerate(series_list)])
    Members.objects.bulk_create(
        [Members(meetingseries=s, user=member) for s in series_list[:2]]
        + [Members(meetingseries=s, user=others[i * 5 + k])
           for i, s in enumerate(series_list) for k in range(1, 5)])

    meetings = Meeting.objects.bulk_create(
        [_meeting(series, n, secretary) for series in series_list
         for n in range(MEETINGS_PER_SERIES)], batch_size=2000)
    log(f"seed: {len(meetings)} meetings")

    items = AgendaItem.objects.bulk_create(
        [_item(meeting, n, template) for meeting in meetings
         for n in range(1, ITEMS_PER_MEETING + 1)], batch_size=5000)
    log(f"seed: {len(items)} items")
    memo_items = [i for i in items if i.memo_template_id]
    SubItem.objects.bulk_create(
        [SubItem(item=item, letter=letter, position=p, title=f"Orientering {letter}",
                 minutes=5, method="orientering", responsible="Direktøren")
         for item in items if item.number == ITEMS_PER_MEETING - 1
         for p, letter in enumerate("ABC", start=1)], batch_size=5000)
    MemoSection.objects.bulk_create(
        [MemoSection(item=item, position=p, title=title, kind=kind,
                     body=BODY if kind == "text" else "")
         for item in memo_items for p, (title, kind) in enumerate(MEMO_SECTIONS, start=1)],
        batch_size=5000)
    points = RecommendationPoint.objects.bulk_create(
        [RecommendationPoint(item=item, number=n, text=text) for item in memo_items
         for n, text in ((1, "at rådmanden godkender oplægget"),
                         (2, "at sagen sendes videre til udvalget"))], batch_size=5000)
    log(f"seed: sub-items, {len(memo_items) * len(MEMO_SECTIONS)} memo sections, "
        f"{len(points)} recommendation points")

    Attachment.objects.bulk_create(
        [_attachment(item, position, pdfs) for item in items
         for position in range(1, ATTACHMENTS_PER_ITEM + 1)], batch_size=5000)
    log(f"seed: {len(items) * ATTACHMENTS_PER_ITEM} attachments")
    _decisions(meetings, items, points, secretary, log=log)


def _meeting(series: MeetingSeries, n: int, minute_taker) -> Meeting:
    """Forty meetings a fortnight apart: four ahead (one with its agenda sent), the latest past
    one with minutes in draft, two with approved minutes, the rest published."""
    today = timezone.localdate()
    date = today + dt.timedelta(days=14 * (4 - n) - 1 - series.pk % 7)
    status = (Meeting.Status.DRAFT if n < 3 else Meeting.Status.AGENDA_SENT if n == 3
              else Meeting.Status.MINUTES_DRAFT if n == 4
              else Meeting.Status.MINUTES_APPROVED if n < 7 else Meeting.Status.PUBLISHED)
    now = timezone.now()
    return Meeting(series=series, date=date, start_time=series.default_start_time,
                   end_time=series.default_end_time, location=series.default_location,
                   status=status, minute_taker=minute_taker,
                   agenda_sent_at=now if n >= 3 else None,
                   minutes_approved_at=now if n >= 5 else None,
                   published_at=now if n >= 7 else None,
                   information="Mødet holdes som hybridmøde.",
                   guests="Direktør for Sociale Forhold\nKontorchef for Økonomi")


def _item(meeting: Meeting, n: int, template: MemoTemplate) -> AgendaItem:
    standard = {1: "Godkendelse af dagsorden", 2: "Godkendelse af referat",
                ITEMS_PER_MEETING - 1: "Orienteringspunkter", ITEMS_PER_MEETING: "Bordrunde"}
    has_memo = n not in standard
    return AgendaItem(
        meeting=meeting, number=n, position=n, title=standard.get(n, f"Sag nummer {n}: status "
                                                                     "på beskæftigelsesindsatsen"),
        minutes=None if n == ITEMS_PER_MEETING - 1 else 5 + (n % 4) * 5,
        is_closed=n == 12, responsible="Kontorchef Hanne Hansen",
        method="beslutning" if has_memo else "orientering", text=ITEM_TEXT if has_memo else "",
        memo_template=template if has_memo else None, case_number=f"EMN-2023-{n:06d}",
        sending_unit="Sociale Forhold og Beskæftigelse" if has_memo else "",
        case_officer="Sagsbehandler Søren Sørensen" if has_memo else "",
        case_officer_email="soren@example.org" if has_memo else "",
    )


def _attachment(item: AgendaItem, position: int, pdfs: list[dict]) -> Attachment:
    pdf = pdfs[(item.pk + position) % len(pdfs)]
    return Attachment(item=item, position=position, title=f"Bilag {position} til punkt "
                      f"{item.number}", file=pdf["name"], original_filename=f"bilag-{position}.pdf",
                      size=pdf["size"], page_count=pdf["pages"], sha256=pdf["sha256"],
                      text=pdf["text"], is_closed=position == 2 and item.number % 4 == 0)


def _decisions(meetings, items, points, owner, *, log) -> None:
    with_minutes = {m.pk for m in meetings if m.status in (
        Meeting.Status.MINUTES_DRAFT, Meeting.Status.MINUTES_APPROVED, Meeting.Status.PUBLISHED)}
    decided = [i for i in items if i.meeting_id in with_minutes]
    dates = {m.pk: m.date for m in meetings}
    meeting_dates = {i.pk: dates[i.meeting_id] for i in decided}
    decisions = Decision.objects.bulk_create(
        [Decision(item=item, text="<p>Rådmanden tog orienteringen til efterretning.</p>")
         for item in decided], batch_size=5000)
    points_by_item: dict[int, list] = {}
    for point in points:
        points_by_item.setdefault(point.item_id, []).append(point)
    decision_points, answers = [], []
    for decision in decisions:
        answered = points_by_item.get(decision.item_id, [])
        for number, point in enumerate(answered or [None], start=1):
            decision_points.append((DecisionPoint(
                decision=decision, number=number, outcome="godkendt",
                text="Godkendt." if point else "Taget til efterretning."), point))
    created = DecisionPoint.objects.bulk_create([dp for dp, _ in decision_points], batch_size=5000)
    Answers = DecisionPoint.answers.through
    answers = [Answers(decisionpoint=dp, recommendationpoint=point)
               for dp, (_, point) in zip(created, decision_points, strict=True) if point]
    Answers.objects.bulk_create(answers, batch_size=5000)
    FollowUp.objects.bulk_create(
        [_follow_up(n, decision, owner, meeting_dates)
         for n, decision in enumerate(decisions[:FOLLOW_UPS])], batch_size=5000)
    log(f"seed: {len(decisions)} decisions, {len(created)} decision points, "
        f"{min(FOLLOW_UPS, len(decisions))} follow-ups")


def _follow_up(n: int, decision: Decision, owner, meeting_dates: dict) -> FollowUp:
    """Owned by the secretary (every third) or a unit; mostly open, some in progress, done or
    cancelled; due on the meeting's day or up to ten weeks after it."""
    opened = meeting_dates[decision.item_id]
    status = ["open", "open", "open", "in_progress", "done", "open", "in_progress", "open",
              "done", "cancelled"][n % 10]
    closed = status in ("done", "cancelled")
    return FollowUp(decision=decision, description=f"Forvaltningen melder tilbage om sag {n}.",
                    owner_user=owner if n % 3 == 0 else None,
                    owner_unit="" if n % 3 == 0 else UNITS[n % len(UNITS)],
                    opened_on=opened, due_date=opened + dt.timedelta(days=n % 70),
                    status=status, closed_on=opened + dt.timedelta(days=5) if closed else None)
