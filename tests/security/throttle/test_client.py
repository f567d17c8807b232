"""The client's address: X-Forwarded-For believed only from TREATYDESK_TRUSTED_PROXIES."""

import pytest
from django.test import RequestFactory

from treatydesk.security.throttle.client import client_address


def request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(("trusted", "remote", "forwarded", "client"), [
    ("", "10.0.0.5", "203.0.113.7", "10.0.0.5"),  # no proxy trusted: the header is ignored
    ("10.0.0.0/24", "10.0.0.5", "203.0.113.7", "203.0.113.7"),
    ("10.0.0.0/24", "198.51.100.1", "203.0.113.7", "198.51.100.1"),  # not from the proxy
    ("10.0.0.0/24", "10.0.0.5", "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # forged left part
    ("10.0.0.0/24, 127.0.0.1", "127.0.0.1", "203.0.113.7, 10.0.0.9", "203.0.113.7"),  # 2 hops
    ("10.0.0.0/24", "10.0.0.5", "", "10.0.0.5"),
    ("10.0.0.0/24", "10.0.0.5", "not-an-address", "10.0.0.5"),
    ("10.0.0.0/24", "10.0.0.5", "203.0.113.7:4711", "203.0.113.7"),
    ("::1", "::1", "[2001:db8::7]:443", "2001:db8::7"),
])
def test_client_address(settings, trusted, remote, forwarded, client):
    settings.TREATYDESK_TRUSTED_PROXIES = trusted
    assert client_address(request(remote, forwarded)) == client


def test_an_unreadable_remote_address_is_unknown(settings):
    settings.TREATYDESK_TRUSTED_PROXIES = "10.0.0.0/24"
    assert client_address(request("garbage", "203.0.113.7")) == ""
