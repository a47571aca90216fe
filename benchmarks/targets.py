"""What to measure, found in the URLconf at run time: search, reorder and the PDF documents are
added by later issues, and a row says "n/a" until its route exists."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    route: str  # the pattern as written, e.g. "moeder/<int:meeting_id>/dagsorden.pdf"

    def path(self, **kwargs) -> str:
        """The URL for these arguments, filled into the pattern's converters by name."""
        def fill(match):
            return str(kwargs[match.group(1)])
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", fill, self.route)

    @property
    def arguments(self) -> set[str]:
        return set(re.findall(r"<(?:\w+:)?(\w+)>", self.route))


def all_routes() -> list[Route]:
    found = []

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.append(Route(namespace + pattern.name, prefix + str(pattern.pattern)))

    walk(get_resolver().url_patterns)
    return [r for r in found if not r.name.startswith("admin:")]


def search_route() -> Route | None:
    """A search page: named "search"/"soeg" or routed at /soeg/ or /search/."""
    return next((r for r in all_routes() if not r.arguments and (
        re.search(r"(^|:)(search|soeg|sog)$", r.name) or re.match(r"^(soeg|søg|search)/?$",
                                                                  r.route))), None)


def reorder_route() -> Route | None:
    """The agenda reorder endpoint of a meeting (POST)."""
    return next((r for r in all_routes() if "meeting_id" in r.arguments and (
        "reorder" in r.name or re.search(r"(raekkefoelge|rækkefølge|reorder|sorter)", r.route))),
        None)


def pdf_routes() -> list[Route]:
    """A meeting's PDF documents, e.g. /moeder/<id>/dagsorden.pdf: agenda first."""
    routes = [r for r in all_routes() if r.arguments == {"meeting_id"}
              and r.route.rstrip("/").endswith(".pdf")]
    return sorted(routes, key=lambda r: ("dagsorden" not in r.route, r.route))


def follow_up_board_route() -> Route | None:
    """The follow-up board across meetings (GET, no arguments)."""
    return next((r for r in all_routes() if not r.arguments and (
        r.name.endswith(":follow_ups") or re.match(r"^(opfoelgninger|follow-ups)/?$", r.route))),
        None)


def autosave_route() -> Route | None:
    """Where the minute taker's screen saves an item's discussion as it is typed (POST)."""
    return next((r for r in all_routes() if r.arguments == {"item_id"} and (
        "autosave" in r.name or r.name.endswith(":decision_text"))), None)
