"""Security headers: a strict policy on public pages, a looser one only under /admin/."""

from django.urls import reverse


def test_public_page_has_strict_csp(client, db):
    response = client.get("/robots.txt")
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Set-Cookie" not in response.headers


def test_admin_policy_allows_its_inline_code_but_no_third_party(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" in csp
    assert "http" not in csp

