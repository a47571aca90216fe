"""Rendered pages kept in Django's cache framework, and conditional GET (the meeting page
in reading/, the meeting list in meetings/).

A key names everything the page shows: the meeting's content version, the viewer's class,
the language, and for the parts that are the reader's own (their name, their notes) the
reader. Nothing is ever invalidated: an edit moves the content version, and the next request
asks for a key that is not there yet. The code that draws the pages is in the key too
(`code_digest`), so a deploy retires what the old templates drew.

A cached page must not carry anyone's CSRF token: pages are rendered with a placeholder in
its place, and each response gets the token of its own request.
"""

import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

CSRF_PLACEHOLDER = "csrf-token-placeholder-0b9d6c4e"
# How long an unused page stays in the cache. Keys never go stale (a change is a new key);
# this only bounds what pages nobody asks for any more take up.
TIMEOUT = 24 * 60 * 60


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The templates and translations that draw pages, and the static files' names."""
    digest = hashlib.sha256()
    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates"),
             *(Path(p) for p in settings.LOCALE_PATHS)]
    for root in sorted(roots):
        for path in sorted(root.rglob("*")):
            if path.suffix in {".html", ".mo"}:
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode() + b"\0")
                digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


def key(*parts) -> str:
    """A cache key for `parts`, in the active language and the current code."""
    text = "|".join(str(p) for p in (*parts, translation.get_language(), code_digest()))
    return "reading:" + hashlib.sha256(text.encode()).hexdigest()


def get_or_render(cache_key: str, render: Callable[[], str], *, store: bool = True) -> str:
    html = cache.get(cache_key) if store else None
    if html is None:
        html = render()
        if store:
            cache.set(cache_key, html, TIMEOUT)
    return html


def context_for_cache(context: dict) -> dict:
    """`context` for a render whose result is kept: the CSRF token is the placeholder."""
    return {**context, "csrf_token": CSRF_PLACEHOLDER}


def has_messages(request) -> bool:
    """Messages waiting for this reader (shown once, so such a page is never kept)."""
    return len(messages.get_messages(request)) > 0


def user_stamp(user) -> str:
    """What the page chrome shows of the reader (name, administration link)."""
    if not user.is_authenticated:
        return "anonymous"
    return f"{user.pk}:{user.get_username()}:{user.get_full_name()}:{user.is_staff:d}"


def page_response(request, *, page_key: str, render: Callable[[], str], store: bool = True,
                  last_modified=None) -> HttpResponse:
    """The page for `page_key`: 304 when the browser holds this version, else the kept HTML
    (rendered first when it is not kept) with this request's CSRF token."""
    store = store and not has_messages(request)
    token = get_token(request)
    # The CSRF secret is in the ETag: a browser whose CSRF cookie changed gets a page whose
    # forms carry a token that matches it.
    tag = hashlib.sha256(f"{page_key}|{request.META.get('CSRF_COOKIE', '')}".encode())
    etag = f'"{tag.hexdigest()[:32]}"'
    if store and etag in _if_none_match(request):
        response = HttpResponseNotModified()
    else:
        html = get_or_render(page_key, render, store=store)
        response = HttpResponse(html.replace(CSRF_PLACEHOLDER, token))
    if store:
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


def _if_none_match(request) -> set[str]:
    return {tag.strip().removeprefix("W/")
            for tag in request.headers.get("If-None-Match", "").split(",") if tag.strip()}
