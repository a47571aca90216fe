"""Sections that apps above this layer add to the meeting page (the PDF documents add
"Dokumenter"), so that the page shows them without importing them: imports run
documents → reading, never back. An app registers its section in its AppConfig.ready().
"""

from typing import Protocol


class MeetingPageSection(Protocol):
    def live(self, request, *, meeting_id: int) -> bool:
        """True while the section shows something that changes without the meeting's content
        version (a pack being made for this reader): the page is then made afresh, and not
        kept. Asked on every request, so it must not query the database in the usual case."""

    def render(self, request, *, meeting, content, viewer) -> str:
        """The section's HTML, as the viewer may see it."""


_sections: list[MeetingPageSection] = []


def register(section: MeetingPageSection) -> None:
    if not any(type(s) is type(section) for s in _sections):
        _sections.append(section)


def sections() -> list[MeetingPageSection]:
    return list(_sections)
