"""Django's LocaleMiddleware, except that it leaves the API's and the releases' 404s alone.

Django redirects a 404 outside the language prefixes to the same path under ``/en/`` when
that path would be valid — and Wagtail's catch-all page route makes every path valid, so an
API client asking for an unknown treaty would get a redirect to an HTML page instead of its
404 problem document. Paths that are not pages (``NOT_PAGES``) keep their own answers.
"""

from django.middleware.locale import LocaleMiddleware

NOT_PAGES = ("/api/", "/data/releases/")


class PageLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(NOT_PAGES):
            return response
        return super().process_response(request, response)
