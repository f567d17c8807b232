"""Site search over the pages of the reader's language and the documents library."""

import re

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from treatydesk.security.parameters import without_control_characters

from .sitemaps import SITEMAPS

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
PAGE_SIZE = 20
_WORD = re.compile(r"\w+")


def search_terms(query: str) -> str:
    """Return the words of ``query`` to search for, joined by spaces ("" when none).

    Only the words reach the search backend: quotes, brackets, operators and control
    characters are the syntax of SQLite's FTS and PostgreSQL's tsquery (a lone ``"`` or a NUL
    byte was a 500), and a reader's query means its words. At most ``MAX_WORDS`` words.
    """
    return " ".join(_WORD.findall(query)[:MAX_WORDS])


@require_GET
@cache_control(public=True, max_age=300)
def search(request):
    """Return the pages and documents matching ``?q=`` in the page's language."""
    query = without_control_characters(request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    pages = documents = None
    if terms:
        locale = Locale.objects.filter(language_code=get_language()).first()
        candidates = Page.objects.live().public().filter(depth__gt=1)
        if locale is not None:
            candidates = candidates.filter(locale=locale)
        pages = Paginator(candidates.specific().search(terms), PAGE_SIZE).get_page(
            request.GET.get("page"))
        documents = list(get_document_model().objects.search(terms)[:PAGE_SIZE])
    return render(request, "discovery/search.html", {
        "query": query, "pages": pages, "documents": documents,
    })


def sitemap(request):
    """Return ``/sitemap.xml``: Wagtail pages and register pages in every language."""
    response = wagtail_sitemap(request, sitemaps=SITEMAPS)
    response["Cache-Control"] = "public, max-age=3600"
    return response
