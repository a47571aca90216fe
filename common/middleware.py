"""A request that cannot reach the database gets the Danish 503 page, never a 500."""

from common.views import DATABASE_DOWN, server_error


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return server_error(request)  # reads the exception from sys.exc_info(): a 503
        return None
