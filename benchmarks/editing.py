"""The secretariat's writes, timed one request at a time through the app's own endpoints:
reordering an agenda, opening the editor and saving an item in place, the minute taker's
autosave; and the follow-up board's query count."""

import uuid

from agendas.models import AgendaItem
from benchmarks import seed, targets
from benchmarks.measure import Browser, split_timed
from benchmarks.report import Row
from meetings.models import Meeting, MeetingSeries


def reorder(base: str, series: MeetingSeries, samples: int) -> Row:
    """The secretariat reverses a draft meeting's agenda, `samples` times, through the app's
    reorder endpoint; the database is checked to have changed, so a no-op is never timed."""
    route = targets.reorder_route()
    if route is None:
        return Row("Reorder (secretariat)", note="no reorder route in the URLconf yet")
    meeting = Meeting.objects.filter(series=series, status=Meeting.Status.DRAFT).first()
    client = Browser(base)
    client.log_in(seed.SECRETARY, seed.PASSWORD)
    path = route.path(meeting_id=meeting.pk)
    fields = _reorder_fields(client, path, meeting)
    if fields is None:
        return Row("Reorder (secretariat)", note=f"{path} did not reorder with any known form "
                   "field (item, ordered_ids, order); update benchmarks/suite.py")
    sends = [lambda: _send_reorder(client, path, meeting, fields) for _ in range(samples)]
    figures, baseline = split_timed(client, sends)
    return Row("Reorder (secretariat)", figures, baseline)


def _order(meeting) -> list[int]:
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("position")
                .values_list("pk", flat=True))


def _send_reorder(client: Browser, path: str, meeting, field: str) -> int:
    ids = list(reversed(_order(meeting)))
    version = Meeting.objects.values_list("version", flat=True).get(pk=meeting.pk)
    status, _, _ = client.request(path, data=[(field, pk) for pk in ids] + [
        ("version", version), ("expected_version", version)], headers={"HX-Request": "true"})
    return status if _order(meeting) == ids else 599


def _reorder_fields(client: Browser, path: str, meeting) -> str | None:
    for field in ("item", "ordered_ids", "order", "items"):
        if 200 <= _send_reorder(client, path, meeting, field) < 400:
            return field
    return None


def board_queries(path: str) -> str:
    """How many queries the board's first page costs on the seeded data, counted in this
    process with Django's test client (the tests pin it for small and large boards)."""
    from django.contrib.auth import get_user_model
    from django.db import connection as db
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=seed.SECRETARY))
    with CaptureQueriesContext(db) as queries:
        status = client.get(path).status_code
    return f"{len(queries)} queries per page (status {status})"


def autosave(client: Browser, series: MeetingSeries, samples: int) -> Row:
    """The minute taker types on: each sample autosaves a longer discussion of one item of a
    meeting whose minutes are in draft, as static/js/minutes.js sends it; each answer must say
    "saved" (an ignored or refused save is not timed as one)."""
    import json

    route = targets.autosave_route()
    if route is None:
        return Row("Autosave (secretariat)", note="no autosave route in the URLconf yet")
    meeting = Meeting.objects.filter(series=series, status=Meeting.Status.MINUTES_DRAFT).first()
    item = meeting.items.order_by("position").last()
    path = route.path(item_id=item.pk)
    page = uuid.uuid4().hex
    state = {"version": _decision_version(item), "seq": 0}

    def send() -> int:
        state["seq"] += 1
        status, body, _ = client.request(path, data={
            "text": f"<p>Rådmanden drøftede sagen. {'Ordet ' * state['seq']}</p>",
            "text__format": "html", "version": state["version"], "client": page,
            "seq": state["seq"]})
        if status != 200:
            return status
        answer = json.loads(body)
        state["version"] = answer["version"]
        return 200 if answer["state"] == "saved" else 599

    entries = _history_entries(item)
    figures, baseline = split_timed(client, [send] * samples)
    added = _history_entries(item) - entries
    return Row("Autosave (secretariat)", figures, baseline,
               note=f"{samples} saves of one text made {added} history entry"
                    + ("" if added == 1 else "s"))


def _decision_version(item) -> int:
    from decisions.models import Decision

    return Decision.objects.filter(item=item).values_list("version", flat=True).first() or 0


def _history_entries(item) -> int:
    from decisions.models import Decision

    return Decision.history.filter(item_id=item.pk).count()


def editor_rows(base: str, series: MeetingSeries, samples: int) -> list[Row]:
    """The secretariat opens a draft meeting's editor, and saves one item in place (its
    minutes changed each time, so every save writes), `samples` times each."""
    meeting = Meeting.objects.filter(series=series, status=Meeting.Status.DRAFT).first()
    item = meeting.items.order_by("position").first()
    client = Browser(base)
    client.log_in(seed.SECRETARY, seed.PASSWORD)
    page = f"/moeder/{meeting.pk}/rediger/"
    if client.request(page)[0] == 404:
        return [Row("Editor page (secretariat)", note=f"{page} not found")]

    def open_editor() -> int:
        return client.request(page)[0]

    def save(minutes: int) -> int:
        version = AgendaItem.objects.values_list("version", flat=True).get(pk=item.pk)
        status, _, _ = client.request(f"/punkter/{item.pk}/rediger/", data={
            "title": item.title, "minutes": minutes, "method": "", "version": version},
            headers={"HX-Request": "true"})
        stored = AgendaItem.objects.values_list("minutes", flat=True).get(pk=item.pk)
        return status if stored == minutes else 599

    items = meeting.items.count()
    editor = split_timed(client, [open_editor for _ in range(samples)])
    saves = split_timed(client, [lambda n=n: save(5 + n % 2) for n in range(samples)])
    return [Row(f"Editor page (secretariat, {items} items)", *editor),
            Row("Inline save of an item (secretariat)", *saves)]
