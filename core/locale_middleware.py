"""Django's LocaleMiddleware, minus the language redirect for machine endpoints.

On a 404 for a path without a language prefix, Django redirects to the same path
under /id/ when that path exists; Wagtail's catch-all makes every path "exist",
so an API client asking for a missing item or a page past the last would get a
302 to an HTML page instead of the JSON 404 the schema promises.
"""

from django.middleware.locale import LocaleMiddleware

UNPREFIXED = ("/api/",)


class SinergiLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
