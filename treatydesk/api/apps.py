from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "treatydesk.api"
    label = "opendata"
    verbose_name = "Open data"
