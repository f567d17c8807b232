from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "treatydesk.security.headers"
    label = "security"
    verbose_name = "Security headers and policies"

    def ready(self):
        # Registers the production check of TREATYDESK_BASE_URL (checks.register on import).
        from . import baseurl  # noqa: F401
