"""``/sitemap.xml``: the Wagtail pages of every language and the register's public pages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from treatydesk.core import register as core
from treatydesk.records.facts.loading import current_register
from treatydesk.security.headers.baseurl import base_url


class PagesSitemap(WagtailSitemap):
    """Every live, public page under the site's home page in each language.

    Wagtail's own sitemap walks the default site's root page, which is the English home: the
    French and Spanish trees are its translations, beside it rather than under it.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (Page.objects.live().public().filter(trees).order_by("path")
                .defer_streamfields().specific())


class RegisterSitemap(DjangoSitemap):
    """The States Parties list and each State's page, in every language."""

    i18n = True
    changefreq = "weekly"

    @property
    def languages(self):
        return [code for code, _name in settings.LANGUAGES]

    def items(self):
        register = current_register(settings.TREATYDESK_TREATY)
        # Every State of the universe has a page, joined or not (records/status/states.py).
        states = {record.state for record in register.participants()} | set(core.universe())
        return ["states_parties", *sorted(states)]

    # Addresses on the public address (TREATYDESK_BASE_URL), whatever host was asked.
    def get_domain(self, site=None):
        return urlsplit(base_url()).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(base_url()).scheme or "https"

    def location(self, item):
        if item == "states_parties":
            return reverse("states_parties")
        return reverse("state_detail", kwargs={"iso3": item})


SITEMAPS = {"pages": PagesSitemap, "register": RegisterSitemap}
