from django.middleware.locale import LocaleMiddleware


class DanishFirstLocaleMiddleware(LocaleMiddleware):
    """Danish unless the user picks another language in the language menu (a cookie).

    Many Danish users run browsers set to English; the browser's Accept-Language header
    must not switch a Danish municipality's meeting system to English behind their back.
    """

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)
