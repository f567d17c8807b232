"""The fast path: nginx may keep a page (X-Accel-Expires) exactly when the page cache would."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_pages():
    from treatydesk.setup.site import ensure_home_pages, ensure_locales

    ensure_locales()
    ensure_home_pages()


def test_public_pages_tell_nginx_how_long_to_keep_them(page_cache, wsgi_get, home_pages):
    first = wsgi_get("/en/")
    assert first.status_code == 200 and first["X-Accel-Expires"] == "10"
    assert wsgi_get("/en/")["X-Accel-Expires"] == "10"  # the cached copy says the same


def test_personal_and_private_answers_tell_nginx_nothing(page_cache, wsgi_get, home_pages):
    for response in (wsgi_get("/admin/login/"), wsgi_get("/en/", cookie="sessionid=abc"),
                     wsgi_get("/healthz?scope=web"), wsgi_get("/en/no-such-page/")):
        assert "x-accel-expires" not in response.headers


def test_zero_seconds_sends_no_header(page_cache, wsgi_get, home_pages):
    with override_settings(TREATYDESK_PROXY_CACHE_SECONDS=0):
        response = wsgi_get("/fr/")
    assert response.status_code == 200 and "x-accel-expires" not in response.headers
