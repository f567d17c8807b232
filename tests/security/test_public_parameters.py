"""Hostile input to every public URL parameter: never a 500 (on SQLite and, in the PostgreSQL
run of the suite, on PostgreSQL).

Each parameter of each public page gets a fixed list of values that broke pages before or
break parsers typically (FTS syntax, NUL, superscript digits, dates past 9999, huge numbers,
very long values), then random text from hypothesis. A new public page or parameter belongs
in PUBLIC.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

#: Every public GET URL and the parameters it reads.
PUBLIC = {
    "/en/states-parties/": ("as_of", "sort"),
    "/en/states-parties.csv": ("as_of",),
    "/en/states-parties.json": ("as_of",),
    "/en/states/TCD/": ("as_of",),
    "/en/obligations/": ("as_of", "obligation", "status", "year", "state"),
    "/en/obligations/deadlines.csv": ("as_of", "obligation", "status", "year", "state"),
    "/en/obligations/deadlines.json": ("as_of", "obligation", "status", "year", "state"),
    "/en/obligations/deadlines.ics": ("as_of",),
    "/en/states/TCD/deadlines.ics": ("as_of",),
    "/fr/search/": ("q", "page"),
    "/es/search/": ("q", "page"),
    "/en/search/": ("q", "page"),
    "/en/news/": ("page", "tag"),
    "/en/notices/": ("page",),
    "/en/meetings/": ("page",),
    "/en/subscribe/": ("email",),
    "/en/verify-email/": ("source",),
    "/": ("q",),
    "/sitemap.xml": ("p", "page"),
    "/robots.txt": ("x",),
    "/healthz": ("x",),
}
# /healthz answers 503 by design while the worker has never run (as in a test); the fuzz asks
# about server errors, so it reads the web scope, which depends on the database alone.
SCOPED = {"/healthz": {"scope": "web"}}

HOSTILE = [
    '"', "'", 'a"b', "\x00", "a\x00b", "²²²²", "２０１４", "9999-12-31", "4000-01-01",
    "10000-01-01", "0000-00-00", "-1", "99999999999999999999999", "1e309", "*", "NEAR(a b)",
    "(", "^", "\\", "'; DROP TABLE x; --", "<script>alert(1)</script>", "\u202e\ufeff",
    "x" * 5000, "word " * 500, "-eif", "\r\n",
]


@pytest.fixture
def site_with_register(fresh_site):
    """The site as `treatydesk init` leaves it: sections, default content, the CCM register."""


def assert_no_500(client, url, params):
    response = client.get(url, SCOPED.get(url, {}) | params)
    assert response.status_code < 500, (url, params, response.status_code)


@pytest.mark.parametrize("url", sorted(PUBLIC))
def test_hostile_values_never_give_a_500(client, site_with_register, url):
    for name in PUBLIC[url]:
        for value in HOSTILE:
            assert_no_500(client, url, {name: value})
    assert_no_500(client, url, {name: value for name in PUBLIC[url] for value in HOSTILE[:1]})


FUZZ = settings(max_examples=15, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@FUZZ
@given(value=TEXT)
def test_random_search_queries_never_give_a_500(client, site_with_register, value):
    assert_no_500(client, "/en/search/", {"q": value})


@FUZZ
@given(name=st.sampled_from(["as_of", "obligation", "status", "year", "state"]), value=TEXT)
def test_random_obligation_filters_never_give_a_500(client, site_with_register, name, value):
    assert_no_500(client, "/en/obligations/deadlines.json", {name: value})


@FUZZ
@given(value=TEXT)
def test_random_dates_never_give_a_500(client, site_with_register, value):
    assert_no_500(client, "/en/states-parties.json", {"as_of": value})


@pytest.mark.parametrize("source", [
    "", "\x00", "From: x\r\n\r\n", "Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n--",
    "DKIM-Signature: v=1; a=rsa-sha256; d=ccm.example; s=\x00; b=;\r\nFrom: a@b\r\n\r\nx",
    "From: =?utf-8?b?////?=\r\n\r\n", "Content-Transfer-Encoding: base64\r\n\r\n!!!!",
    "a" * 100_000, "\r\n" * 10_000,
])
def test_malformed_mail_to_the_verifier_never_gives_a_500(client, site_with_register, source):
    response = client.post("/en/verify-email/", {"source": source})
    assert response.status_code < 500
