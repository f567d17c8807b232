from django.apps import AppConfig


class ThrottleConfig(AppConfig):
    name = "treatydesk.security.throttle"
    label = "throttle"
    verbose_name = "Request limits"
    default_auto_field = "django.db.models.BigAutoField"
