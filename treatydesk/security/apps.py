from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "treatydesk.security"
    label = "security"
    verbose_name = "Security headers and policies"
