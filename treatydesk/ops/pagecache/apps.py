from django.apps import AppConfig
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "treatydesk.ops.pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import receivers  # imports models: only once the app registry is ready

        receivers.connect()
        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(using="default", **kwargs):
    """Create the page cache's table when it lives in the database (``TREATYDESK_PAGE_CACHE``
    ``=database``), so that ``treatydesk init`` is all a new server needs."""
    if isinstance(caches["pages"], DatabaseCache):
        call_command("createcachetable", database=using, verbosity=0)
