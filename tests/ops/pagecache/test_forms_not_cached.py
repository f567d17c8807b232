"""A page carrying a CSRF token is its reader's own: never kept, never replayed."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_password_protected_page_with_its_form_is_not_cached(page_cache, wsgi_get):
    from wagtail.models import PageViewRestriction

    from treatydesk.setup.site import ensure_home_pages, ensure_locales
    from treatydesk.site.models import HomePage

    ensure_locales()
    ensure_home_pages()
    home = HomePage.objects.get(locale__language_code="en")
    PageViewRestriction.objects.create(page=home, restriction_type="password",
                                       password="treaty")
    first = wsgi_get("/en/")
    assert first.status_code == 200
    assert "csrfmiddlewaretoken" in first.body.decode()
    assert "x-page-cache" not in first.headers
    assert "x-page-cache" not in wsgi_get("/en/").headers
