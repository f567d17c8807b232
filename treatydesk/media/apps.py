from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "treatydesk.media"
    label = "media"
    verbose_name = _("Photos and documents")

    def ready(self):
        from . import receivers, renditions  # they import models: only once apps are ready

        renditions.connect()
        receivers.connect()
