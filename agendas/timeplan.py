"""The time plan: each item's slot computed from the meeting's start and the minutes allotted."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Slot:
    start: dt.time
    end: dt.time
    minutes: int

    def __str__(self):
        return f"{self.start:%H.%M} – {self.end:%H.%M}"


def time_plan(start: dt.time, items) -> dict[tuple[str, int], Slot]:
    """Slots keyed by ("item", pk) or ("sub", pk), in order of treatment.

    An item with its own minutes takes one slot; an item without them gives each of its
    sub-items with minutes a slot of its own (the committee's "7. Orienteringspunkter, A)").
    Items with no time at all take none and move nothing.
    """
    cursor = dt.datetime.combine(dt.date(2000, 1, 1), start)
    slots: dict[tuple[str, int], Slot] = {}

    def take(key, minutes):
        nonlocal cursor
        end = cursor + dt.timedelta(minutes=minutes)
        slots[key] = Slot(cursor.time(), end.time(), minutes)
        cursor = end

    for item in sorted(items, key=lambda i: i.position):
        if item.minutes:
            take(("item", item.pk), item.minutes)
            continue
        for sub in item.sub_items.all():
            if sub.minutes:
                take(("sub", sub.pk), sub.minutes)
    return slots
