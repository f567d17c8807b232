from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObligationsConfig(AppConfig):
    name = "treatydesk.records.obligations"
    label = "obligations"
    verbose_name = _("Obligations and deadlines")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the version bumps
