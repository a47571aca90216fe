"""Search rows: a one-word and a three-word query over the whole seed, for the member (two
series of their own plus everything public) and for the public, timed one request at a time,
each right after a /robots.txt request from the same client (the baseline)."""

import re
import time
from urllib.parse import urlencode

from benchmarks import measure, targets
from benchmarks.report import Row

# The seed's item titles and texts: the one word is in 22,000 items' titles; the three words
# narrow it to the items whose memo also speaks of the organisations and the time plan.
QUERIES = [("one word", "beskæftigelsesindsatsen"),
           ("three words", "beskæftigelsesindsatsen organisationer tidsplan")]
BASELINE = "/robots.txt"


def rows(*, member, anonymous, samples: int) -> list[Row]:
    """`member` and `anonymous`: benchmarks.measure.Browser clients (the member logged in)."""
    route = targets.search_route()
    if route is None:
        return [Row("Search", note="no search route in the URLconf yet")]
    found = []
    for who, client in (("member", member), ("anonymous", anonymous)):
        for label, words in QUERIES:
            path = f"{route.path()}?{urlencode({'q': words})}"
            status, body, _ = client.request(path)  # the entries are current after this one
            if status != 200 or "resultat" not in body.decode():
                found.append(Row(f"Search, {label} ({who})", note=f"answered {status} without "
                                 "results, not measured"))
                continue
            found.append(_timed(client, path, f"Search, {label}: {words!r} ({who})", samples,
                                note=_count(body.decode())))
    return found


def _timed(client, path: str, label: str, samples: int, *, note: str) -> Row:
    target_ms, baseline_ms, errors = [], [], 0
    for _ in range(samples):
        started = time.perf_counter()
        client.request(BASELINE)
        baseline_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        status, _, _ = client.request(path)
        target_ms.append((time.perf_counter() - started) * 1000)
        errors += status != 200
    return Row(label, measure.from_durations(target_ms, errors),
               measure.from_durations(baseline_ms, 0), note=note)


def _count(page: str) -> str:
    """The text of the page's count region (its notices and count), without the markup."""
    start = page.find('id="search-count"')
    text = page[page.find(">", start) + 1:page.find("</div>", start)] if start >= 0 else ""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip() or "no count shown"
