from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    name = "treatydesk.uploads"
    label = "uploads"
    verbose_name = _("Upload checks")

    def ready(self):
        from . import receivers, renditions

        renditions.connect()
        receivers.connect()
