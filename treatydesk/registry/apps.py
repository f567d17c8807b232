from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "treatydesk.registry"
    label = "registry"
    verbose_name = "Treaty register"
