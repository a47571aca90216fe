"""Error pages and the health check.

The error pages render without touching the database (no session, no user), so they still
answer when PostgreSQL is down; a database outage becomes a 503 with a Danish message, not a
500 with a stack trace.
"""

import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

DATABASE_DOWN = (OperationalError, InterfaceError)


def error_page(request, status: int, title: str, message: str, *,
               log_in: str | None = None) -> HttpResponse:
    body = render_to_string("errors/error.html", {"status": status, "title": title,
                                                  "message": message, "log_in": log_in})
    return HttpResponse(body, status=status)


def _anonymous(request) -> bool:
    """Whether the reader is not logged in, asked of the database only when the request
    carries a session (and taken as yes when the database does not answer)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    try:
        return not request.user.is_authenticated
    except (DatabaseError, AttributeError):
        return True


def bad_request(request, exception=None):
    return error_page(request, 400, _("Ugyldig forespørgsel"),
                       _("Forespørgslen kunne ikke forstås. Gå tilbage, og prøv igen."))


def permission_denied(request, exception=None):
    return error_page(request, 403, _("Ingen adgang"),
                       _("Du har ikke adgang til denne side. Log ind med en bruger, der har "
                         "adgang, eller kontakt mødesekretariatet."))


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: mostly a page left open across a log-out."""
    return error_page(request, 403, _("Formularen kunne ikke sendes"),
                       _("Siden er for gammel til at sende formularen fra. Genindlæs siden, "
                         "og prøv igen."))


def page_not_found(request, exception=None):
    # Deliberately the same page for "does not exist" and "not yours to see"; a reader who
    # is not logged in is offered the log-in, which brings them back here.
    log_in = None
    if _anonymous(request):
        log_in = f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}"
    return error_page(request, 404, _("Siden findes ikke"),
                       _("Siden findes ikke, eller du har ikke adgang til den."), log_in=log_in)


def server_error(request):
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_DOWN):
        response = error_page(request, 503, _("Referat er midlertidigt utilgængelig"),
                               _("Databasen svarer ikke lige nu. Din seneste ændring er "
                                 "måske ikke gemt: kontrollér den, når siden virker igen. "
                                 "Prøv igen om et øjeblik."))
        response["Retry-After"] = "5"
        return response
    return error_page(request, 500, _("Der opstod en fejl"),
                       _("Der opstod en uventet fejl. Fejlen er registreret. Prøv igen, og "
                         "kontakt mødesekretariatet, hvis den bliver ved."))


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    """Crawlers may read the public pages; log-in, administration and attachments are not for
    search engines (attachments are permission-checked anyway). Touches no database, which
    also makes it the benchmarks' baseline view."""
    lines = ["User-agent: *", "Disallow: /log-ind/", "Disallow: /admin/", "Disallow: /bilag/"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    """For load balancers and docker-compose: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})
