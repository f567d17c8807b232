"""WSGI entry point for the app server (gunicorn)."""

from django.core.wsgi import get_wsgi_application

from treatydesk.ops.pagecache.wsgi import PageCache
from treatydesk.settings.select import configure_settings_module

configure_settings_module()
# The page cache answers anonymous readers before Django starts (treatydesk/ops/pagecache/wsgi.py).
application = PageCache(get_wsgi_application())
