from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "treatydesk.security.headers"
    label = "security"
    verbose_name = "Security headers and policies"
