"""Template helpers of the public site: language links, dates and names in the page's language."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from treatydesk.records.fragments import url_configuration
from treatydesk.records.status import localize
from treatydesk.records.status.languages import UNTRANSLATED, page_in_language
from treatydesk.security.headers.baseurl import absolute

register = template.Library()


def _in_language(path: str, current: str, code: str) -> str:
    """Return ``path`` (with its query) in language ``code``, keeping the rest of it."""
    bare, mark, query = path.partition("?")
    translated = _path_in_language(bare, current, code, *url_configuration())
    return f"{translated}{mark}{query}"


@lru_cache(maxsize=4096)
def _path_in_language(path: str, current: str, code: str, *_urlconf) -> str:
    """``_in_language`` without the query: resolving and reversing cost more than the rest of
    the language links, and a path gives the same answer until the URLs change (the key's
    last parts: the URL configuration and the script prefix)."""
    translated = translate_url(path, code)
    if translated != path or code == current:
        return translated
    # Paths Django cannot resolve (a 404 page, a Wagtail page) keep their shape: swap the prefix.
    prefix = f"/{current}/"
    if path.startswith(prefix):
        return f"/{code}/{path[len(prefix):]}"
    return f"/{code}/"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Return one link per site language to the page being shown, marking the current one."""
    request = context.get("request")
    current = localize.page_language()
    path = request.get_full_path() if request is not None else f"/{current}/"
    page = context.get("page")
    links = []
    for code, name in settings.LANGUAGES:
        href = None
        if isinstance(page, Page) and code != current:
            href = page_in_language(page, path, current, code)
        translated = href is not None and UNTRANSLATED not in href
        href = href or _in_language(path, current, code)
        links.append({
            "code": code,
            "name": name,
            "href": href,
            "absolute": absolute(href),
            "current": code == current,
            # hreflang alternates name only real translations, not the nearest ancestor.
            "alternate": code == current or not isinstance(page, Page) or translated,
        })
    return links


@register.simple_tag(takes_context=True)
def untranslated_from(context) -> str:
    """Return the name of the language the reader came from when the page they asked for has
    no translation here (the switcher's ``?untranslated=<lang>``), else ""."""
    request = context.get("request")
    code = request.GET.get(UNTRANSLATED, "") if request is not None else ""
    return dict(settings.LANGUAGES).get(code, "")


@register.filter
def local_date(value, lang=None) -> str:
    """Write a date out in the page's language: {{ day|local_date }} → "1 November 2013"."""
    return localize.long_date(value, lang)


@register.filter
def treaty_title(treaty, short=False) -> str:
    """Return the treaty's title in the page's language."""
    if treaty is None:
        return ""
    return localize.treaty_title(treaty, short=bool(short))


@register.simple_tag
def foreign_lang(lang="en") -> str:
    """Return ``lang`` when it differs from the page's language, for a ``lang`` attribute."""
    return "" if localize.page_language(get_language()) == lang else lang
