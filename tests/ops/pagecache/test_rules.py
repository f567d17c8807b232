"""Which responses the page cache keeps, and how it finds the scheme behind a proxy."""

from django.test import override_settings

from treatydesk.ops.pagecache.wsgi import PageCache

cache = PageCache(application=None)


def test_a_plain_200_with_a_length_is_kept():
    assert cache.response_is_public("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", "12")])


def test_responses_that_are_personal_or_not_final_are_not_kept():
    length = ("Content-Length", "12")
    assert not cache.response_is_public("302 Found", [length])
    assert not cache.response_is_public("404 Not Found", [length])
    assert not cache.response_is_public("200 OK", [length, ("Set-Cookie", "a=b")])
    assert not cache.response_is_public("200 OK", [length, ("Vary", "Cookie")])
    assert not cache.response_is_public("200 OK", [length, ("Vary", "Accept-Language")])
    assert not cache.response_is_public("200 OK", [length, ("Cache-Control", "private")])
    assert not cache.response_is_public("200 OK", [length, ("Cache-Control",
                                                            "max-age=0, no-store")])
    assert not cache.response_is_public("200 OK", [("Content-Type", "text/html")])
    assert not cache.response_is_public("200 OK", [("Content-Length", str(10**9))])


def test_a_response_varying_only_on_encoding_is_kept():
    assert cache.response_is_public("200 OK", [("Content-Length", "1"),
                                               ("Vary", "Accept-Encoding")])


@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_the_scheme_comes_from_the_proxy_header_when_trusted():
    assert cache.scheme({"wsgi.url_scheme": "http", "HTTP_X_FORWARDED_PROTO": "https"}) == "https"
    assert cache.scheme({"wsgi.url_scheme": "http", "HTTP_X_FORWARDED_PROTO": "http"}) == "http"
    assert cache.scheme({"wsgi.url_scheme": "http"}) == "http"


@override_settings(SECURE_PROXY_SSL_HEADER=None)
def test_the_proxy_header_is_ignored_when_not_trusted():
    assert cache.scheme({"wsgi.url_scheme": "http", "HTTP_X_FORWARDED_PROTO": "https"}) == "http"


def test_the_database_page_cache_gets_its_table_from_migrate(db):
    from django.core.cache import caches
    from django.db import connection

    from treatydesk.ops.pagecache.apps import create_cache_table

    in_database = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
                   "pages": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                             "LOCATION": "treatydesk_page_cache"}}
    with override_settings(CACHES=in_database):
        create_cache_table()
        assert "treatydesk_page_cache" in connection.introspection.table_names()
        caches["pages"].set("k", "v")
        assert caches["pages"].get("k") == "v"
