"""Rich text (item texts, memo sections, decisions) is stored as a small, sanitised HTML subset.

nh3 cleans it before it is stored and again before it is rendered, so a row written around
the forms (admin, a data migration, an import) can never carry script into a page or a PDF.
"""

import html
import re

import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4",
                "table", "thead", "tbody", "tr", "th", "td", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"colspan", "rowspan", "scope"},
                      "td": {"colspan", "rowspan"}, "ol": {"start", "type"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

BULLET = re.compile(r"^\s*(?:[-•\u2022]|\uf0b7)\s+")


def sanitize_html(value: str | None) -> str:
    """Return `value` with every tag, attribute and URL scheme outside the allowed subset gone."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def render_richtext(value: str | None) -> SafeString:
    return mark_safe(sanitize_html(value))  # noqa: S308 - cleaned by nh3 just above


def text_to_html(text: str) -> str:
    """Turn plain text into rich text: blank lines end paragraphs, a single line break is a
    soft wrap (as in text taken from a PDF), and lines starting with "- " or "• " are bullets
    (their wrapped continuation lines belong to the same bullet).
    """
    return "".join(_block_to_html(block) for block in re.split(r"\n\s*\n", text.strip()))


def _block_to_html(block: str) -> str:
    parts: list[str] = []
    paragraph: list[str] = []
    bullets: list[list[str]] = []
    for raw in block.splitlines():
        line = raw.strip()
        if not line:
            continue
        if BULLET.match(raw):
            if paragraph:
                parts.append(f"<p>{html.escape(' '.join(paragraph))}</p>")
                paragraph = []
            bullets.append([BULLET.sub("", raw).strip()])
        elif bullets:
            bullets[-1].append(line)
        else:
            paragraph.append(line)
    if paragraph:
        parts.append(f"<p>{html.escape(' '.join(paragraph))}</p>")
    if bullets:
        items = "".join(f"<li>{html.escape(' '.join(item))}</li>" for item in bullets)
        parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def html_to_text(value: str | None) -> str:
    """The visible text of rich text, for search, LIX and plain-text channels."""
    if not value:
        return ""
    with_breaks = re.sub(r"</(p|li|h3|h4|tr)>|<br\s*/?>", "\n", value)
    return html.unescape(nh3.clean(with_breaks, tags=set())).strip()


# Tags that plain text (blank lines between paragraphs, "- " bullets) says without loss.
_PLAIN_TAGS = {"p", "br", "ul", "li"}
_TAG = re.compile(r"</?([a-zA-Z0-9]+)")


def plain_text_says_it(value: str | None) -> bool:
    """Whether `value` can be edited as plain text and come back the same: only paragraphs and
    bullet lists, no bold, links, headings or numbered lists."""
    return all(tag.lower() in _PLAIN_TAGS for tag in _TAG.findall(value or ""))


def html_to_plain(value: str | None) -> str:
    """Rich text as the plain text `text_to_html` reads back: paragraphs separated by a blank
    line, bullets as "- " lines. For editing without the rich text editor."""
    if not value:
        return ""
    text = re.sub(r"<br\s*/?>", " ", value)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = re.sub(r"</li>", "\n", text)
    text = re.sub(r"</(p|ul|ol|h3|h4)>", "\n\n", text)
    text = html.unescape(nh3.clean(text, tags=set()))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()
