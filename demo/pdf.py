"""Render a demo appendix (Bilag) to PDF with WeasyPrint: A4, title, paragraphs, tables.

The appendices are self-contained, so WeasyPrint is given a URL fetcher that refuses every
URL: rendering can never reach the network or the file system.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from common.richtext import text_to_html
from demo.data.types import Appendix, Facts, Heading, Small, Table


class RefuseAllFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        raise ValueError(f"Demo-bilag må ikke hente noget udefra: {url}")


def render_appendix(appendix: Appendix) -> bytes:
    fetcher = RefuseAllFetcher()
    html = render_to_string("demo/appendix.html", {
        "appendix": appendix, "blocks": [_block(b) for b in appendix.blocks],
    })
    css = CSS(string=render_to_string("demo/appendix.css"), url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[css])


def _rich(text: str):
    return mark_safe(text_to_html(text))  # noqa: S308 - text_to_html escapes the text


def _block(block) -> dict:
    match block:
        case str():
            return {"kind": "text", "html": _rich(block)}
        case Heading():
            return {"kind": "heading", "text": block.text, "level": block.level}
        case Table():
            return {"kind": "table", "table": block}
        case Small():
            return {"kind": "small", "text": block.text}
        case Facts():
            return {"kind": "facts", "rows": [(label, _rich(value)) for label, value in block.rows]}
    raise TypeError(f"Unknown appendix block: {block!r}")
