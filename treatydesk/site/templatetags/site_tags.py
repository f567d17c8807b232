"""The site's emblem: pages link one fixed address, which leads to the current image.

Pages write ``/emblem`` (and browsers ask for ``/favicon.ico``); the view behind them looks up
the emblem chosen in settings, so a page costs no query for it and a new emblem shows without
the pages changing.
"""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def emblem_url() -> str:
    """Return the emblem's fixed address (``/emblem``), for the header and the favicon."""
    return reverse("emblem")
