"""A database outage is a 503 with a Danish message, never a 500 with a stack trace."""

import logging

from common.views import DATABASE_DOWN, database_unavailable

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Turns a lost or refused database connection raised by a view into the 503 page.

    Exceptions raised by other middleware (a session read, say) reach handler500, which gives
    the same page; this class keeps a view's outage out of the error log as a "500" and
    answers before any other middleware tries the database again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            logger.warning("Database unavailable during %s %s (%s)", request.method,
                           request.path, type(exception).__name__)
            return database_unavailable(request)
        return None
