"""The full-page cache: anonymous GETs served from it, personal requests never, and every
publish or register change makes the cached pages stale."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_with_register(fresh_site):
    """The site as init leaves it: home pages and the CCM register among the rest."""
    return fresh_site


def test_a_public_page_is_served_from_the_cache_the_second_time(
        page_cache, wsgi_get, site_with_register):
    first = wsgi_get("/en/")
    second = wsgi_get("/en/")
    assert first.status_code == second.status_code == 200
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.body == first.body
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "public" in second["Cache-Control"]


def test_a_hit_runs_no_query(page_cache, wsgi_get, site_with_register):
    wsgi_get("/en/states-parties/")
    with CaptureQueriesContext(connection) as queries:
        response = wsgi_get("/en/states-parties/")
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0


def test_public_pages_set_no_cookie_and_do_not_vary_on_cookies(page_cache, wsgi_get,
                                                               site_with_register):
    for path in ("/en/", "/fr/", "/en/states-parties/", "/en/states/IRQ/",
                 "/en/states-parties.csv", "/en/states-parties.json"):
        response = wsgi_get(path)
        assert response.status_code == 200, path
        assert "set-cookie" not in response.headers, path
        assert "cookie" not in response.get("Vary", "").lower(), path
        assert response["Cache-Control"].startswith("public"), path
        assert response["X-Page-Cache"] == "miss", path


def test_query_strings_are_pages_of_their_own(page_cache, wsgi_get, site_with_register):
    by_name = wsgi_get("/en/states-parties/")
    by_date = wsgi_get("/en/states-parties/?sort=eif")
    assert by_date["X-Page-Cache"] == "miss"
    assert by_date.body != by_name.body
    assert wsgi_get("/en/states-parties/?sort=eif").body == by_date.body


def test_a_page_with_a_query_is_kept_when_it_is_asked_for_a_second_time(
        page_cache, wsgi_get, site_with_register):
    """Most URLs with a query (any day since 2008) are asked for once: writing each one would
    cost as much as rendering it. Pages without a query are kept at once (above)."""
    path = "/en/states-parties/?as_of=2013-11-01"
    answers = [wsgi_get(path) for _ in range(3)]
    assert [a["X-Page-Cache"] for a in answers] == ["miss", "miss", "hit"]
    assert answers[0].body == answers[1].body == answers[2].body
    other = "/en/states-parties/?as_of=2013-11-02"
    assert [wsgi_get(other)["X-Page-Cache"] for _ in range(3)] == ["miss", "miss", "hit"]


def test_requests_with_a_session_are_never_served_from_the_cache(page_cache, wsgi_get,
                                                                 site_with_register):
    from django.conf import settings

    wsgi_get("/en/")
    assert wsgi_get("/en/")["X-Page-Cache"] == "hit"
    with_session = wsgi_get("/en/", cookie=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert "x-page-cache" not in with_session.headers
    with_credentials = wsgi_get("/en/", HTTP_AUTHORIZATION="Basic ZTpl")
    assert "x-page-cache" not in with_credentials.headers


def test_admin_documents_and_health_are_not_cached(page_cache, wsgi_get, site_with_register):
    for path in ("/admin/login/", "/healthz"):
        wsgi_get(path)
        assert "x-page-cache" not in wsgi_get(path).headers, path


def test_errors_and_redirects_are_not_cached(page_cache, wsgi_get, site_with_register):
    for path in ("/en/no-such-page/", "/"):
        first = wsgi_get(path)
        assert first.status_code in (301, 302, 404), path
        assert "x-page-cache" not in wsgi_get(path).headers, path


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO",
                                                                        "https"))
def test_plain_http_is_redirected_even_when_the_https_page_is_cached(
        page_cache, wsgi_get, site_with_register):
    wsgi_get("/en/", https=True)
    assert wsgi_get("/en/", https=True)["X-Page-Cache"] == "hit"
    plain = wsgi_get("/en/")
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/en/"


def test_hosts_django_refuses_are_not_served_from_the_cache(page_cache, wsgi_get,
                                                            site_with_register):
    wsgi_get("/en/")
    response = wsgi_get("/en/", host="evil.example")
    assert response.status_code == 400


def test_publishing_a_page_makes_the_cache_stale(page_cache, wsgi_get, site_with_register,
                                                django_capture_on_commit_callbacks):
    from treatydesk.site.models import HomePage

    wsgi_get("/en/")
    assert wsgi_get("/en/")["X-Page-Cache"] == "hit"
    home = HomePage.objects.get(locale__language_code="en")
    home.introduction = "<p>A new introduction for the cache test.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    response = wsgi_get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert b"A new introduction for the cache test." in response.body


def test_unpublishing_a_page_makes_the_cache_stale(page_cache, wsgi_get, site_with_register,
                                                  django_capture_on_commit_callbacks):
    from treatydesk.site.models import HomePage

    wsgi_get("/fr/")
    french = HomePage.objects.get(locale__language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        french.unpublish()
    # Wagtail now answers /fr/ with another page; it must be rendered, not replayed.
    assert wsgi_get("/fr/")["X-Page-Cache"] == "miss"


def test_a_register_change_makes_the_cache_stale(page_cache, wsgi_get, site_with_register,
                                                django_capture_on_commit_callbacks):
    from treatydesk.records.facts.actions import RecordFact
    from treatydesk.records.facts.models import Fact

    row = b'<th scope="row"><a href="/en/states/USA/">'
    assert row not in wsgi_get("/en/states-parties/").body  # a State that has not joined
    cached = wsgi_get("/en/states-parties/")
    assert cached["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        RecordFact(Fact(treaty="CCM", state="USA", state_name="United States of America",
                        kind="accession", date=dt.date(2026, 1, 5)), actor="test").execute()
    response = wsgi_get("/en/states-parties/")
    assert response["X-Page-Cache"] == "miss"
    assert row in response.body


def test_an_obligation_change_makes_the_cache_stale(page_cache, wsgi_get, site_with_register,
                                                  django_capture_on_commit_callbacks):
    from treatydesk.records.obligations.actions import RecordObligationFact
    from treatydesk.records.obligations.models import Report

    wsgi_get("/en/obligations/")
    assert wsgi_get("/en/obligations/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        RecordObligationFact(Report(treaty="CCM", state="CMR", obligation="initial-report",
                                    received_on=dt.date(2013, 6, 1))).execute()
    assert wsgi_get("/en/obligations/")["X-Page-Cache"] == "miss"


def test_a_rolled_back_change_leaves_the_cache_alone(page_cache, wsgi_get, site_with_register,
                                                    django_capture_on_commit_callbacks):
    from django.db import transaction

    from treatydesk.records.facts.actions import RecordFact
    from treatydesk.records.facts.models import Fact

    wsgi_get("/en/states-parties/")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                RecordFact(Fact(treaty="CCM", state="USA", state_name="United States",
                                kind="accession", date=dt.date(2026, 1, 5)),
                           actor="test").execute()
                raise RuntimeError("the editor's browser went away")
        except RuntimeError:
            pass
    assert callbacks == []
    assert wsgi_get("/en/states-parties/")["X-Page-Cache"] == "hit"


def test_with_the_cache_off_pages_are_still_public_and_never_marked(wsgi_get,
                                                                    site_with_register):
    response = wsgi_get("/en/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert "x-page-cache" not in response.headers


def test_the_clear_command_makes_every_page_stale(page_cache, wsgi_get, site_with_register):
    from django.core.management import call_command

    wsgi_get("/en/")
    assert wsgi_get("/en/")["X-Page-Cache"] == "hit"
    call_command("clear_page_cache", stdout=io.StringIO())
    assert wsgi_get("/en/")["X-Page-Cache"] == "miss"


def test_a_failing_cache_backend_does_not_fail_the_page(page_cache, wsgi_get, site_with_register,
                                                        monkeypatch, caplog):
    from treatydesk.ops.pagecache import store

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store, "lookup", broken)
    response = wsgi_get("/en/")
    assert response.status_code == 200 and b"<html" in response.body
    assert "page cache lookup failed" in caplog.text
