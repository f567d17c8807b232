"""The client's address: ``REMOTE_ADDR``, or the ``X-Forwarded-For`` a trusted proxy added.

Behind nginx every connection comes from nginx, so ``REMOTE_ADDR`` names the proxy, not the
client. ``X-Forwarded-For`` names the client, but anyone can send that header: it is believed
only when the connection comes from an address in ``TREATYDESK_TRUSTED_PROXIES``
(comma-separated addresses or networks, e.g. ``127.0.0.1,10.0.0.0/8``; empty by default), and
then only as far as the trusted proxies go: reading the header from the right, the first
address that is not itself a trusted proxy is the client (docs/deploy.md).
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(setting: str) -> tuple:
    networks = []
    for item in setting.split(","):
        item = item.strip()
        if item:
            networks.append(ipaddress.ip_network(item, strict=False))
    return tuple(networks)


def trusted_proxies() -> tuple:
    """Return the networks of ``TREATYDESK_TRUSTED_PROXIES`` (ValueError if one is malformed)."""
    return _networks(getattr(settings, "TREATYDESK_TRUSTED_PROXIES", "") or "")


def _address(text: str):
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(request) -> str:
    """Return the address of the client that made ``request`` ("" if unknown)."""
    remote = _address(request.META.get("REMOTE_ADDR", "") or "")
    if remote is None:
        return ""
    networks = trusted_proxies()
    if not _trusted(remote, networks):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    client = remote
    for hop in reversed([part for part in forwarded.split(",") if part.strip()][:32]):
        address = _address(hop)
        if address is None:
            break  # garbage: stop at the last address a trusted proxy vouched for
        client = address
        if not _trusted(address, networks):
            break
    return str(client)
