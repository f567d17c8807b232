"""Settings modules: ``base`` plus one per environment (``dev``, ``test``, ``production``).

``TREATYDESK_ENV`` (dev, test, production) picks one when ``DJANGO_SETTINGS_MODULE`` is unset;
see ``treatydesk.settings.select``.
"""
