"""Optional two-factor sign-in: enrol from the admin, then a code is asked at each sign-in."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def code(device, offset_steps=0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset_steps * device.step
    return f"{totp.token():0{device.digits}d}"


def wait_out_the_throttle(device) -> None:
    """After a wrong code the device refuses every code for a while; let that while pass."""
    device.refresh_from_db()
    assert device.throttling_failure_count >= 1, "a wrong code is throttled"
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0,
                                                   throttling_failure_timestamp=None)
    device.refresh_from_db()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 16)


def test_without_a_device_the_admin_opens_after_the_password(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_enrol_then_the_next_sign_in_asks_for_a_code(client, editor):
    client.force_login(editor)
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "otpauth://totp/" in html
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', html).group(1)
    assert len(secret.replace(" ", "")) >= 32

    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    wrong = client.post("/admin/two-factor/", {"token": "000000" if code(device) != "000000"
                                               else "111111"})
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()

    wait_out_the_throttle(device)
    done = client.post("/admin/two-factor/", {"token": code(device)})
    assert done.status_code == 302
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).count() == 1
    assert client.get("/admin/").status_code == 200, "this session gave its code"

    client.logout()
    client.force_login(editor)
    held = client.get("/admin/pages/")
    assert held.status_code == 302
    assert held["Location"].startswith("/admin/two-factor/verify/?next=")
    assert client.get("/admin/two-factor/verify/").status_code == 200

    device.refresh_from_db()
    wrong = client.post("/admin/two-factor/verify/", {"token": "12345", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302

    wait_out_the_throttle(device)
    # The enrolment used this time step's code; a code may serve once, so the next step's.
    passed = client.post("/admin/two-factor/verify/", {"token": code(device, 1),
                                                       "next": "/admin/pages/"})
    assert passed.status_code == 302 and passed["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_the_code_page_never_sends_the_user_to_another_site(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    response = client.post("/admin/two-factor/verify/",
                           {"token": code(device), "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_turning_it_off_needs_a_current_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    client.post("/admin/two-factor/verify/", {"token": code(device), "next": "/admin/"})
    device.refresh_from_db()
    kept = client.post("/admin/two-factor/", {"token": "999999" if code(device, 1) != "999999"
                                              else "888888"})
    assert kept.status_code == 200
    assert TOTPDevice.objects.filter(user=editor).exists()
    wait_out_the_throttle(device)
    turned_off = client.post("/admin/two-factor/", {"token": code(device, 1)})
    assert turned_off.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_public_pages_never_ask_for_a_code(client, editor):
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    assert client.get("/robots.txt").status_code == 200
