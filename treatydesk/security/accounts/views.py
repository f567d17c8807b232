"""The admin's two-factor pages: turn it on (enrol), give a code (verify), turn it off."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from wagtail.admin.views.account import LogoutView

from . import twofactor
from .forms import TokenForm


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@require_http_methods(["GET", "POST"])
def settings_view(request):
    """Show the second factor's state; enrol a new authenticator app or turn it off."""
    device = twofactor.confirmed_device(request.user)
    if device is not None:
        form = TokenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if twofactor.check(device, form.cleaned_data["token"]):
                device.delete()
                messages.success(request, _("Two-factor sign-in is off."))
                return redirect("accounts_two_factor")
            form.add_error("token", _("That code is not right. Codes change every 30 seconds."))
        return render(request, "accounts/two_factor_on.html", {"form": form})
    pending = twofactor.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.check(pending, form.cleaned_data["token"]):
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            otp_login(request, pending)
            messages.success(request, _("Two-factor sign-in is on. Each time you sign in, the "
                                        "admin will ask for a code from the app."))
            return redirect("accounts_two_factor")
        form.add_error("token", _("That code is not right. Check the app's clock and try the "
                                  "next code."))
    return render(request, "accounts/two_factor_enrol.html", {
        "form": form, "secret": twofactor.secret_for_humans(pending),
        "config_url": pending.config_url,
    })


@require_http_methods(["GET", "POST"])
def verify_view(request):
    """Ask for the code of the user's authenticator app before the admin opens."""
    device = twofactor.confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(_safe_next(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.check(device, form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_safe_next(request))
        form.add_error("token", _("That code is not right. Codes change every 30 seconds."))
    return render(request, "accounts/two_factor_verify.html",
                  {"form": form, "next": _safe_next(request)})


_wagtail_logout = LogoutView.as_view()


def logout_view(request):
    """Sign out on POST (the session ends on the server); any other method changes nothing.

    Wagtail's own view deletes the session cookie whatever the method, even when it answers
    405 to a GET and the session stays valid on the server: the browser then looks signed out
    while a copy of the cookie still works.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return _wagtail_logout(request)
