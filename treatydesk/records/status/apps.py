from django.apps import AppConfig


class StatusConfig(AppConfig):
    name = "treatydesk.records.status"
    label = "status"
    verbose_name = "Public status pages"
