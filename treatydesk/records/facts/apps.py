from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "treatydesk.records.facts"
    label = "registry"
    verbose_name = "Treaty register"
