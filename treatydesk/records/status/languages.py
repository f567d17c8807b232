"""Where the language switcher leads from a Wagtail page: to its translation when there is a
live one, otherwise to the nearest ancestor that has one, marked ``?untranslated=<lang>`` so
that the page says why the reader landed there. The switcher never leads to a 404.
"""

from wagtail.models import Locale, Page

UNTRANSLATED = "untranslated"


def _live_translation(page: Page, locale: Locale) -> Page | None:
    if page.locale_id == locale.pk:
        return page if page.live else None
    return page.get_translations().filter(locale=locale).live().first()


def page_in_language(page: Page, path: str, current: str, code: str) -> str | None:
    """Return the address of ``page`` (shown at ``path``) in language ``code``.

    A path below the page's own address (a routable page's sub-path: a news category) keeps
    its tail. Returns None when no page of the site has the language at all.
    """
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        return None
    own = page.url or ""
    tail = path.split("?", 1)[0][len(own):] if own and path.startswith(own) else ""
    target = _live_translation(page, locale)
    if target is not None:
        return (target.url or f"/{code}/") + tail
    for ancestor in page.get_ancestors().specific().reverse():
        if ancestor.depth < 2:
            break
        found = _live_translation(ancestor, locale)
        if found is not None and found.url:
            return f"{found.url}?{UNTRANSLATED}={current}"
    return None
