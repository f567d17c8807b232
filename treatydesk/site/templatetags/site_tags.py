"""The site's emblem and footer, on every page.

Pages write ``/emblem`` (and browsers ask for ``/favicon.ico``); the view behind them looks up
the emblem chosen in settings, so a page costs no query for it and a new emblem shows without
the pages changing. The footer is the same on every page of a language: it is rendered once
per language and URL configuration, and kept (``records/fragments.py``).
"""

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from treatydesk.records.fragments import render_kept

register = template.Library()


@register.simple_tag
def emblem_url() -> str:
    """Return the emblem's fixed address (``/emblem``), for the header and the favicon."""
    return reverse("emblem")


@register.simple_tag
def site_footer() -> str:
    """Return the footer's links, rendered once per language (and URL configuration)."""
    key = ("footer", settings.ROOT_URLCONF, get_urlconf(), get_script_prefix())
    return render_kept("site/includes/footer.html", key, dict)
