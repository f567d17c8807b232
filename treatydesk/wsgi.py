"""WSGI entry point for the app server (gunicorn)."""

from django.core.wsgi import get_wsgi_application

from treatydesk.settings.select import configure_settings_module

configure_settings_module()
application = get_wsgi_application()
