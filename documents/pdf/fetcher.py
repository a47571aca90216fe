"""The only way WeasyPrint reaches a file: our own static files, nothing else.

Documents are rendered with BASE_URL as their base, so `{% static %}` paths become
`https://referat.invalid/static/...`. That host is reserved (RFC 2606) and never contacted:
the fetcher maps such URLs to files found by Django's staticfiles finders (or, after
collectstatic, the static files storage) and refuses every other URL, scheme and path
(file:, data:, http: to anywhere, traversal out of the static folders). WeasyPrint has had
SSRF and local-file advisories; rich text could carry a link, a template a typo.
"""

import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://referat.invalid/"


class RefusedURL(ValueError):
    """A URL outside our static files."""


def static_prefix() -> str:
    return "/" + settings.STATIC_URL.strip("/") + "/"


def static_path(url: str) -> str:
    """The static file name `url` points at, or RefusedURL."""
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.netloc != urlsplit(BASE_URL).netloc:
        raise RefusedURL(f"Refused URL outside the static files: {url[:200]}")
    if parts.query or parts.username or parts.password or parts.port:
        raise RefusedURL(f"Refused URL with query or credentials: {url[:200]}")
    path = unquote(parts.path)
    prefix = static_prefix()
    if not path.startswith(prefix) or "\\" in path or "\x00" in path:
        raise RefusedURL(f"Refused path outside the static files: {path[:200]}")
    name = path[len(prefix):]
    segments = name.split("/")
    if not name or any(segment in ("", ".", "..") for segment in segments):
        raise RefusedURL(f"Refused static path: {path[:200]}")
    return posixpath.join(*segments)


def read_static(name: str) -> bytes:
    found = finders.find(name)
    if found:
        with open(found, "rb") as handle:
            return handle.read()
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name, "rb") as handle:
            return handle.read()
    raise RefusedURL(f"No such static file: {name[:200]}")


class StaticFilesFetcher(URLFetcher):
    """WeasyPrint's fetcher with every handler replaced by a lookup in our static files."""

    def __init__(self):
        super().__init__(allowed_protocols=("https",), allow_redirects=False)

    def fetch(self, url, headers=None):
        name = static_path(url)
        body = read_static(name)
        mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, headers={"Content-Type": mime_type})


def static_url(name: str) -> str:
    """The URL under BASE_URL for a static file name, as templates produce with {% static %}."""
    return BASE_URL.rstrip("/") + static_prefix() + name
