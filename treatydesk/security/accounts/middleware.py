"""Hold a signed-in editor who turned two-factor on at the code page until they give a code."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from . import twofactor


class TwoFactorMiddleware:
    """Redirect admin requests of users with a device but no code this session to the code page.

    After ``django_otp.middleware.OTPMiddleware``. Users without a device pass: the second
    factor is optional. Public pages are not concerned: they have no session.
    """

    protected_prefixes = ("/admin/",)
    # The code page itself, signing out, and the admin's translations its pages load.
    open_names = ("accounts_two_factor_verify", "wagtailadmin_logout", "wagtailadmin_login",
                  "wagtailadmin_password_reset")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(self.protected_prefixes) and \
                twofactor.needs_verification(request.user) and not self.is_open(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts_two_factor_verify')}?{query}")
        return self.get_response(request)

    def is_open(self, request) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.url_name in self.open_names or (match.url_name or "").startswith(
            "wagtailadmin_password_reset")
