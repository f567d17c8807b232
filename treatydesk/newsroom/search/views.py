"""Site search over the pages of the reader's language and the documents library."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from .sitemaps import SITEMAPS

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20


@require_GET
@cache_control(public=True, max_age=300)
def search(request):
    """Return the pages and documents matching ``?q=`` in the page's language."""
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    pages = documents = None
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        candidates = Page.objects.live().public().filter(depth__gt=1)
        if locale is not None:
            candidates = candidates.filter(locale=locale)
        pages = Paginator(candidates.specific().search(query), PAGE_SIZE).get_page(
            request.GET.get("page"))
        documents = list(get_document_model().objects.search(query)[:PAGE_SIZE])
    return render(request, "discovery/search.html", {
        "query": query, "pages": pages, "documents": documents,
    })


def sitemap(request):
    """Return ``/sitemap.xml``: Wagtail pages and register pages in every language."""
    response = wagtail_sitemap(request, sitemaps=SITEMAPS)
    response["Cache-Control"] = "public, max-age=3600"
    return response
