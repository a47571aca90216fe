"""The shapes the demo data is typed in. Texts are plain text as in the seeds: a blank line
starts a new paragraph, lines starting with "- " or "• " are bullets (see
common.richtext.text_to_html); the loader turns them into the stored rich text."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

# Appendix (Bilag) contents, rendered to PDF by demo.pdf.


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Table:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Small:
    """Small print under a table or figure: sources, notes."""

    text: str


@dataclass(frozen=True)
class Facts:
    """Label/value rows, such as the committee agenda's "Metode:", "Ansvarlig:", "Tid:"."""

    rows: tuple[tuple[str, str], ...]


# A block is one of the above, or a str of plain text (paragraphs and bullets).
Block = str | Heading | Table | Small | Facts


@dataclass(frozen=True)
class Appendix:
    title: str
    blocks: tuple[Block, ...]
    kicker: tuple[str, ...] = ()  # lines above the title: "Bilag 1", "Til Rådmandsmøde"
    sender: tuple[str, ...] = ()  # the sender block: unit, address, case officer
    date: str = ""


# Meetings.


@dataclass(frozen=True)
class Attachment:
    title: str
    # A callable when the appendix is built from data that refers back to the attachment
    # (a committee agenda that lists itself as the Bilag of its item 1).
    appendix: Appendix | Callable[[], Appendix]
    is_closed: bool = False

    def content(self) -> Appendix:
        return self.appendix() if callable(self.appendix) else self.appendix

    @property
    def filename(self) -> str:
        return f"{self.title.removesuffix('.docx').strip()}.pdf"


@dataclass(frozen=True)
class Memo:
    """The recommendation memo ("Indstilling") of an item."""

    template: str  # "A" or "B", a key of demo.data.series.MEMO_TEMPLATES
    # (section title, plain text) for the text sections that have something to say; the
    # others show "-".
    sections: tuple[tuple[str, str], ...]
    sending_unit: str
    date: dt.date
    case_officer: str = ""
    phone: str = ""
    email: str = ""
    title: str = ""  # the memo's own heading, when it differs from the item title


@dataclass(frozen=True)
class Point:
    """A numbered decision point, with the numbers of the recommendation points it answers."""

    text: str
    outcome: str
    answers: tuple[int, ...] = ()


@dataclass(frozen=True)
class FollowUp:
    owner_unit: str
    description: str


@dataclass(frozen=True)
class Decision:
    points: tuple[Point, ...] = ()
    text: str = ""
    follow_ups: tuple[FollowUp, ...] = ()
    numbered: bool = False  # "1) …" even for a lone point


@dataclass(frozen=True)
class SubItem:
    letter: str
    title: str
    text: str = ""
    method: str = ""
    method_oral: bool = False
    responsible: str = ""
    minutes: int | None = None


@dataclass(frozen=True)
class Item:
    number: int
    title: str
    minutes: int | None = None  # on a standard item, None keeps the series' minutes
    text: str = ""
    guests: tuple[str, ...] = ()
    responsible: str = ""
    method: str = ""
    method_oral: bool = False
    memo: Memo | None = None
    recommendations: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    sub_items: tuple[SubItem, ...] = ()
    decision: Decision | None = None


@dataclass(frozen=True)
class Meeting:
    series: str  # a key of demo.data.series.SERIES
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    status: str
    items: tuple[Item, ...]
    # Item numbers in the order of treatment, when it is not the order of the numbers.
    treatment_order: tuple[int, ...] = ()
    title: str = ""
    location: str = ""
    information: str = ""
    guests: tuple[str, ...] = ()
    minute_taker: str = ""  # username
    # The date of the meeting of the same series that approved these minutes.
    minutes_approved_at: dt.date | None = None
    document_date: dt.date | None = None
    case_number: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
