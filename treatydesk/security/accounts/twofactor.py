"""Two-factor sign-in with an authenticator app (TOTP, RFC 6238), through django-otp.

Optional: an editor turns it on from the admin's account menu. From then on, each session
must give a code from the app before any admin page opens. An administrator can remove a lost
device (the "TOTP devices" permission) so that its owner can enrol again.
"""

from __future__ import annotations

import base64

from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def confirmed_device(user):
    """Return the user's confirmed TOTP device, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user):
    """Return the user's unconfirmed device, making one with a new secret if there is none."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_for_humans(device) -> str:
    """Return the device's secret in base32, in groups of four, for typing into an app."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def check(device, token: str) -> bool:
    """Return whether ``token`` is the device's current code (failures are throttled)."""
    token = "".join((token or "").split())
    return bool(token.isdigit()) and device.verify_token(token)


def needs_verification(user) -> bool:
    """Return whether a signed-in ``user`` must still give a code in this session."""
    if not getattr(user, "is_authenticated", False) or user.is_verified():
        return False
    return confirmed_device(user) is not None
