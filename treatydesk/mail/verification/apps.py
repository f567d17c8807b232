from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailcheckConfig(AppConfig):
    name = "treatydesk.mail.verification"
    label = "mailcheck"
    verbose_name = _("Is this e-mail from us?")
