from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "treatydesk.site"
    label = "home"
    verbose_name = "Home page and site layout"
