"""How every API answer is sent: UTF-8 JSON, dated (Last-Modified and an ETag from the
content version, so a client's conditional GET gets a 304), open to other origins (OParl
asks for CORS), and errors as OParl's Error object with a Danish message."""

import functools
import json

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _

from oparl.objects import SCHEMA, version_time
from oparl.paging import BadQuery

CONTENT_TYPE = "application/json; charset=utf-8"


def json_response(data: dict, *, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    response = HttpResponse(body, status=status, content_type=CONTENT_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def error(status: int, message: str) -> HttpResponse:
    return json_response({"type": SCHEMA + "Error", "message": message}, status=status)


def not_found() -> HttpResponse:
    # The same answer for "does not exist" and "not public".
    return error(404, _("Objektet findes ikke, eller det er ikke offentligt."))


def dated(request, version: int | None, build) -> HttpResponse:
    """The answer `build()` makes, dated by `version`; a 304 without building it when the
    client's copy is that version."""
    etag = f'"{version}"' if version is not None else None
    moment = version_time(version)
    last_modified = int(moment.timestamp()) if moment else None
    cached = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if isinstance(cached, HttpResponseNotModified):
        cached["Access-Control-Allow-Origin"] = "*"
        return cached
    response = build()
    if etag:
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


def api_view(view):
    """GET and HEAD only; Danish whatever the browser prefers; a bad query a 400, an unknown
    or hidden object a 404, both as JSON."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override("da"):
            if request.method not in ("GET", "HEAD"):
                response = error(405, _("Åbne data kan kun læses (GET)."))
                response["Allow"] = "GET, HEAD"
                return response
            try:
                return view(request, *args, **kwargs)
            except BadQuery as problem:
                return error(400, str(problem))
            except Http404:
                return not_found()

    return wrapper
