from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    name = "treatydesk.newsroom.search"
    label = "discovery"
    verbose_name = _("Search and sitemap")
