from django.apps import AppConfig


class RegisterLogConfig(AppConfig):
    name = "treatydesk.records.log"
    label = "registerlog"
    verbose_name = "Register log"

    def ready(self):
        from . import receivers  # noqa: F401 - connects the register's signals
