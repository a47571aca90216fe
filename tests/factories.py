"""Small builders for test data: plain functions over the services, no factory library needed."""

import contextlib
import datetime as dt
import io
import itertools

from django.contrib.auth import get_user_model

from agendas.attachments import attachment_add
from agendas.models import AgendaItem
from agendas.services import agenda_item_create, meeting_create
from meetings.models import Meeting, MeetingSeries, MemoTemplate, StandardItem

_seq = itertools.count(1)


def make_user(username=None, **fields):
    username = username or f"bruger{next(_seq)}"
    user = get_user_model().objects.create_user(username=username, password="kode-1234-test",
                                                **fields)
    return user


def make_series(*, secretariat=(), members=(), standard_items=(), **fields) -> MeetingSeries:
    fields.setdefault("name", f"Testserie {next(_seq)}")
    fields.setdefault("kind", MeetingSeries.Kind.RAADMANDSMOEDE)
    fields.setdefault("default_start_time", dt.time(11, 0))
    fields.setdefault("default_end_time", dt.time(13, 0))
    series = MeetingSeries.objects.create(**fields)
    series.secretariat.set(secretariat)
    series.members.set(members)
    for position, (title, minutes, placement) in enumerate(standard_items, start=1):
        StandardItem.objects.create(series=series, title=title, minutes=minutes,
                                    placement=placement, position=position)
    return series


def make_meeting(series=None, *, items=(), status=Meeting.Status.DRAFT, **fields) -> Meeting:
    series = series or make_series()
    fields.setdefault("date", dt.date(2023, 3, 6) + dt.timedelta(days=next(_seq)))
    meeting = meeting_create(series=series, **fields)
    for title in items:
        agenda_item_create(meeting=meeting, title=title)
    if status != meeting.status:
        Meeting.objects.filter(pk=meeting.pk).update(status=status)
        meeting.refresh_from_db()
    return meeting


@contextlib.contextmanager
def unlocked(meeting):
    """Test data is added to a meeting in any status: while the block runs, a meeting whose
    minutes are approved is a minutes draft (numbers stay frozen), then it is back as it was."""
    status = Meeting.objects.values_list("status", flat=True).get(pk=meeting.pk)
    locked = status in (Meeting.Status.MINUTES_APPROVED, Meeting.Status.PUBLISHED)
    if locked:
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.MINUTES_DRAFT)
    try:
        yield
    finally:
        if locked:
            Meeting.objects.filter(pk=meeting.pk).update(status=status)


def make_item(meeting, **fields) -> AgendaItem:
    fields.setdefault("title", f"Punkt {next(_seq)}")
    with unlocked(meeting):
        return agenda_item_create(meeting=meeting, **fields)


def make_memo_template(layout="A") -> MemoTemplate:
    sections = [
        {"title": "INDSTILLING", "kind": "recommendation"},
        {"title": "SAGSFREMSTILLING", "kind": "text"},
        {"title": "BILAG", "kind": "attachments"},
    ]
    return MemoTemplate.objects.create(name=f"Skabelon {next(_seq)}", layout=layout,
                                       sections=sections)


def pdf_bytes(text="Bilag", pages=1) -> bytes:
    """A real, small PDF with `pages` pages, each holding `text` and its page number."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for number in range(1, pages + 1):
        content = f"BT /F1 14 Tf 72 760 Td ({text} {number}) Tj ET".encode("latin-1")
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream(content))
        pdf.pages.append(pikepdf.Page(page))
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)  # same text, same bytes, same sha256
    return out.getvalue()


def make_attachment(item, *, text="Bilag", pages=1, **fields):
    with unlocked(item.meeting):
        return attachment_add(item=item, data=pdf_bytes(text, pages),
                              filename=fields.pop("filename", f"{text}.pdf"), **fields)


def make_recommendations(item, *texts):
    from agendas.services import recommendation_points_set

    with unlocked(item.meeting):
        return recommendation_points_set(item=item, texts=list(texts or ["at sagen godkendes"]))


def make_decision(item, *, text="<p>Drøftet.</p>", points=(), follow_ups=()):
    """A decision on `item`. `points`: (text, outcome, [recommendation points answered]);
    `follow_ups`: (description, owner) where owner is a user or a unit's name."""
    from decisions.models import Decision, DecisionPoint, FollowUp

    decision = Decision.objects.create(item=item, text=text)
    for number, (point_text, outcome, answers) in enumerate(points, start=1):
        point = DecisionPoint.objects.create(decision=decision, number=number, text=point_text,
                                             outcome=outcome)
        point.answers.set(answers)
    for description, owner in follow_ups:
        owner_fields = {"owner_unit": owner} if isinstance(owner, str) else {"owner_user": owner}
        FollowUp.objects.create(decision=decision, description=description,
                                opened_on=dt.date(2023, 3, 6), **owner_fields)
    return decision
