"""The page cache at the WSGI door: anonymous readers' GETs answered before Django starts.

A request is served from the cache only when it could not be personal: a GET outside the admin,
the documents, the media and the static files, without a session cookie or credentials. A
response is kept only when nothing in it is personal either: a ``200`` with a length that sets
no cookie, varies on nothing but the encoding and does not forbid caching. Those responses also
get ``Cache-Control: public, max-age=…`` when the view said nothing, so that proxies and
browsers may keep them too, whether or not this cache is on.

Entries are keyed by scheme, host and full path. A page with a query string is kept only the
second time a process is asked for it (``store.doorkeeper``): most such URLs are asked once.
Plain-HTTP requests that production redirects to HTTPS get a ``301``, never kept, so the
redirect is never skipped; hosts that Django refuses get a ``400``, never kept either. A hit
is replayed with the headers Django sent, security headers included, and ``X-Page-Cache: hit``.

Working at the WSGI level rather than as a Django middleware makes a hit cost tens of
microseconds instead of hundreds: no request object, no signals, no middleware chain.
"""

from __future__ import annotations

import logging

from django.conf import settings

from . import store

# /api/ answers its own conditional requests (ETag from the register's version, 304): a
# replayed 200 would ignore If-None-Match.
PRIVATE_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/healthz", "/api/")
NOT_STORED_CACHE_CONTROL = frozenset({"private", "no-store", "no-cache"})
ALLOWED_VARY = frozenset({"accept-encoding"})
MAX_BYTES = 4 * 1024 * 1024
HEADER = "X-Page-Cache"

logger = logging.getLogger(__name__)


class PageCache:
    """Wrap a WSGI application with the page cache; see the module's docstring for the rules."""

    private_prefixes = PRIVATE_PREFIXES
    max_bytes = MAX_BYTES

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not self.request_is_public(environ):
            return self.application(environ, start_response)
        keep = store.enabled()
        key = generation = None
        if keep:
            key = store.page_key(self.scheme(environ), environ.get("HTTP_HOST", "").lower(),
                                 self.full_path(environ))
            try:
                entry, generation = store.lookup(key)
            except Exception:  # noqa: BLE001 - a failing cache must not fail the page
                logger.exception("page cache lookup failed; rendering %s", key)
                entry, keep = None, False
            if entry is not None:
                start_response(entry.status, [*entry.headers, (HEADER, "hit")])
                return [entry.content]
        captured = {}

        def capture(status, headers, exc_info=None):
            if exc_info is None and self.response_is_public(status, headers):
                captured["status"], captured["headers"] = status, headers
                return self._no_write
            return start_response(status, headers, exc_info)

        looked_up = keep
        # A page with a query string is kept on its second request (store.doorkeeper).
        if keep and environ.get("QUERY_STRING") and not store.doorkeeper.admit(key):
            keep = False
        result = self.application(environ, capture)
        if not captured:
            return result
        try:
            content = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        headers = self.with_cache_control(captured["headers"])
        if keep:
            try:
                store.store(key, store.Entry(generation, captured["status"], tuple(headers),
                                             content))
            except Exception:  # noqa: BLE001 - a failing cache must not fail the page
                logger.exception("page cache store failed for %s", key)
                looked_up = False
        if looked_up:
            headers = [*headers, (HEADER, "miss")]
        start_response(captured["status"], headers)
        return [content]

    @staticmethod
    def _no_write(data):
        raise RuntimeError("the page cache does not support the WSGI write() callable")

    def request_is_public(self, environ) -> bool:
        """Return whether the request is one any anonymous reader could have made."""
        if environ.get("REQUEST_METHOD") != "GET" or "HTTP_AUTHORIZATION" in environ:
            return False
        if environ.get("PATH_INFO", "/").startswith(self.private_prefixes):
            return False
        cookies = environ.get("HTTP_COOKIE", "")
        return not (cookies and settings.SESSION_COOKIE_NAME + "=" in cookies)

    def response_is_public(self, status: str, headers) -> bool:
        """Return whether a response with ``status`` and ``headers`` is the same for everyone."""
        if not status.startswith("200"):
            return False
        length = None
        for name, value in headers:
            name = name.lower()
            if name == "set-cookie":
                return False
            if name == "cache-control":
                directives = {part.split("=", 1)[0].strip().lower() for part in value.split(",")}
                if directives & NOT_STORED_CACHE_CONTROL:
                    return False
            elif name == "vary":
                if {p.strip().lower() for p in value.split(",") if p.strip()} - ALLOWED_VARY:
                    return False
            elif name == "content-length":
                length = int(value)
        return length is not None and length <= self.max_bytes

    def with_cache_control(self, headers) -> list:
        """Add ``Cache-Control: public, max-age=…`` unless the view chose its own, and
        ``X-Accel-Expires`` for nginx's proxy cache in front (docs/deploy.md, "The fast path"):
        nginx keeps the page that many seconds, and hides the header from readers."""
        headers = list(headers)
        if not any(name.lower() == "cache-control" for name, _value in headers):
            headers.append(("Cache-Control", f"public, max-age={store.seconds()}"))
        proxy_seconds = getattr(settings, "TREATYDESK_PROXY_CACHE_SECONDS", 0)
        if proxy_seconds:
            headers.append(("X-Accel-Expires", str(proxy_seconds)))
        return headers

    @staticmethod
    def scheme(environ) -> str:
        """Return the scheme as Django will see it, trusting the proxy's header if configured."""
        proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if proxy:
            header, secure_value = proxy
            value = environ.get(header)
            if value is not None:
                return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
        return environ.get("wsgi.url_scheme", "http")

    @staticmethod
    def full_path(environ) -> str:
        path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "/")
        query = environ.get("QUERY_STRING", "")
        return f"{path}?{query}" if query else path
