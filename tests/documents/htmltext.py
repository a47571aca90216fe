"""Reading a page's text the way a test compares it with a PDF: the lines (block by block) of
the elements a predicate picks, with Python's own HTML parser."""

from collections.abc import Callable
from html.parser import HTMLParser

BLOCKS = {"p", "li", "div", "section", "ol", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
          "summary", "br", "dt", "dd", "tr"}
VOID = {"br", "img", "input", "meta", "link", "hr"}


class _Lines(HTMLParser):
    def __init__(self, picks: Callable[[str, dict], bool], skip: Callable[[str, dict], bool]):
        super().__init__(convert_charrefs=True)
        self.picks, self.skip = picks, skip
        self.found: list[list[str]] = []
        self.depth = 0  # inside a picked element: its depth
        self.skipping = 0
        self.line: list[str] = []

    def _flush(self):
        text = " ".join("".join(self.line).split())
        if text and self.depth:
            self.found[-1].append(text)
        self.line = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in VOID:
            if tag == "br":
                self._flush()
            return
        if self.depth:
            self.depth += 1
            if self.skipping or self.skip(tag, attributes):
                self.skipping += 1
        elif self.picks(tag, attributes):
            self.depth = 1
            self.found.append([])
        if tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in VOID or not self.depth:
            return
        if tag in BLOCKS:
            self._flush()
        if self.skipping:
            self.skipping -= 1
        self.depth -= 1
        if not self.depth:
            self._flush()

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.line.append(data)


def element_lines(html: str, picks: Callable[[str, dict], bool],
                  skip: Callable[[str, dict], bool] = lambda tag, attributes: False
                  ) -> list[list[str]]:
    """The text lines of each element that `picks(tag, attributes)` chooses, leaving out the
    elements (and what they hold) that `skip` chooses."""
    parser = _Lines(picks, skip)
    parser.feed(html)
    parser.close()
    return parser.found
