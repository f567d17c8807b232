"""The page cache tested through the WSGI application gunicorn runs, with a local-memory cache."""

import io
import sys

import pytest
from django.test import override_settings

PAGES_IN_MEMORY = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
              "LOCATION": "pagecache-tests"},
}


@pytest.fixture
def page_cache():
    """Turn the page cache on (in memory) and empty it before and after the test."""
    from django.core.cache import caches

    from treatydesk.ops.pagecache import store

    with override_settings(CACHES=PAGES_IN_MEMORY):
        caches["pages"].clear()
        store.local.clear()
        store.doorkeeper.clear()
        yield caches["pages"]
        caches["pages"].clear()
        store.local.clear()
        store.doorkeeper.clear()


class WsgiResponse:
    def __init__(self, status, headers, body):
        self.status = status
        self.status_code = int(status.split()[0])
        self.headers = {}
        for name, value in headers:
            self.headers.setdefault(name.lower(), value)
        self.header_list = headers
        self.body = body

    def __getitem__(self, name):
        return self.headers[name.lower()]

    def get(self, name, default=None):
        return self.headers.get(name.lower(), default)


@pytest.fixture
def wsgi_get(db):
    """Return a function making a GET through ``treatydesk.wsgi``'s application.

    As Django's test client does, the database connection is kept open between requests, so
    the test's transaction survives them.
    """
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from treatydesk.ops.pagecache.wsgi import PageCache

    handlers = []

    def get(path, *, host="testserver", https=False, cookie=None, **extra):
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": extra.pop("method", "GET"), "PATH_INFO": path,
            "QUERY_STRING": query, "SCRIPT_NAME": "", "SERVER_NAME": host,
            "SERVER_PORT": "443" if https else "80", "HTTP_HOST": host,
            "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if https:
            environ["HTTP_X_FORWARDED_PROTO"] = "https"
        if cookie:
            environ["HTTP_COOKIE"] = cookie
        environ.update(extra)
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"], started["headers"] = status, headers
            return lambda data: None

        if not handlers:
            # Made at the first request, so that settings a test overrides reach the middleware.
            handlers.append(PageCache(WSGIHandler()))
        application = handlers[0]
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            result = application(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return WsgiResponse(started["status"], started["headers"], body)

    return get
