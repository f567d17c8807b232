"""The full-page cache: anonymous readers' GET requests answered from Django's cache framework.

Settings: ``TREATYDESK_PAGE_CACHE`` (where pages are kept, see ``treatydesk.settings.caches``)
and ``TREATYDESK_PAGE_CACHE_SECONDS`` (how long a page is kept and may be kept downstream).
A publish, an unpublish, a move and every change of the register renew the cache's generation,
so the next request of each page is rendered afresh.
"""
