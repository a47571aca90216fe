"""A database outage becomes the Danish 503 page (common.views.server_error), never a 500."""

from common.views import DATABASE_DOWN, server_error


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return server_error(request)
        return None
