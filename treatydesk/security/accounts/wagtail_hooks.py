"""Put the two-factor pages in the admin and link them from the account menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", views.settings_view, name="accounts_two_factor"),
        path("two-factor/verify/", views.verify_view, name="accounts_two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from an authenticator app each time you sign in."),
    }
