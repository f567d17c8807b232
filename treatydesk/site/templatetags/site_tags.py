"""The site's emblem and footer, on every page.

Pages write ``/emblem`` (and browsers ask for ``/favicon.ico``); the view behind them looks up
the emblem chosen in settings, so a page costs no query for it and a new emblem shows without
the pages changing. The footer is the same on every page of a language: it is rendered once
per language and URL configuration, and kept (``records/fragments.py``). The header's title and
main menu differ only by the page's template, which marks its menu entry (``{% block nav_… %}``):
``{% kept_per_template %}`` renders them once per template and language.
"""

from django import template
from django.conf import settings
from django.template.base import UNKNOWN_SOURCE
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from treatydesk.records.fragments import render_kept, url_configuration

register = template.Library()


@register.simple_tag
def emblem_url() -> str:
    """Return the emblem's fixed address (``/emblem``), for the header and the favicon."""
    return reverse("emblem")


@register.simple_tag
def site_footer() -> str:
    """Return the footer's links, rendered once per language (and URL configuration)."""
    key = ("footer", *url_configuration())
    return render_kept("site/includes/footer.html", key, dict)


@register.tag("kept_per_template")
def kept_per_template(parser, token):
    """``{% kept_per_template %}…{% endkept_per_template %}``: render the content once per page
    template and language (and site treaty and URL configuration), and reuse it.

    Put inside only what depends on nothing else: the blocks a template overrides are its
    own and the same on each of its pages; what a page or a request holds is not."""
    nodelist = parser.parse(("endkept_per_template",))
    parser.delete_first_token()
    return KeptPerTemplateNode(nodelist)


class KeptPerTemplateNode(template.Node):
    limit = 512  # page templates × languages: a few dozen

    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.kept: dict[tuple, str] = {}

    def render(self, context):
        origin = getattr(context.template, "origin", None)
        name = getattr(origin, "name", UNKNOWN_SOURCE)
        if name == UNKNOWN_SOURCE:  # a template made from a string: no name to key it by
            return self.nodelist.render(context)
        key = (get_language(), name, settings.TREATYDESK_TREATY, *url_configuration())
        html = self.kept.get(key)
        if html is None:
            if len(self.kept) >= self.limit:
                self.kept.clear()
            html = self.kept[key] = self.nodelist.render(context)
        return mark_safe(html)  # noqa: S308 — the content's own render, autoescaped
