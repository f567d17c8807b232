from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DmarcConfig(AppConfig):
    name = "treatydesk.mail.dmarc"
    label = "dmarc"
    verbose_name = _("DMARC reports")
