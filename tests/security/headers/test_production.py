"""Production settings: refuse to start half-configured, pass ``check --deploy``, and send the
headers the MDN HTTP Observatory grades (its scanner itself: bench/observatory.sh)."""

import re
import subprocess
import sys

import pytest
from django.test import override_settings

from tests.paths import ROOT
from tests.security.headers.production import production_environment, production_settings

TREATYDESK = [sys.executable, "-c", "import sys; from treatydesk.cli import main; "
              "sys.exit(main(sys.argv[1:]))"]
HOST = "ccm.example"


def run_treatydesk(args, env):
    return subprocess.run([*TREATYDESK, *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_check_deploy_passes_at_warning_level(tmp_path):
    result = run_treatydesk(["manage", "check", "--deploy", "--fail-level", "WARNING"],
                            production_environment(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL",
                                     "EMAIL_HOST", "DEFAULT_FROM_EMAIL"])
def test_production_refuses_to_start_without_its_settings(tmp_path, missing):
    env = production_environment(tmp_path)
    del env[missing]
    result = run_treatydesk(["manage", "check"], env)
    assert result.returncode != 0
    assert missing in result.stderr and "docs/deploy.md" in result.stderr


# --- The Observatory's tests, checked on the responses of the production settings ---------

@pytest.fixture
def production(monkeypatch, tmp_path, settings):
    graded = production_settings(monkeypatch, tmp_path)
    with override_settings(**graded, ALLOWED_HOSTS=[HOST, "testserver"]):
        yield graded


def https_get(client, path):
    return client.get(path, HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")


def directives(csp: str) -> dict:
    result = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            result[words[0].lower()] = [w.lower() for w in words[1:]]
    return result


PUBLIC_PATHS = ["/en/", "/fr/", "/en/states-parties/", "/robots.txt"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_have_a_strict_content_security_policy(client, production, fresh_site,
                                                           path):
    response = https_get(client, path)
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    # Observatory: "csp-implemented-with-no-unsafe-default-src-none" (the bonus), no
    # 'unsafe-inline' or 'unsafe-eval' anywhere, no data: for scripts, objects blocked.
    assert csp["default-src"] == ["'none'"]
    for values in csp.values():
        assert "'unsafe-inline'" not in values and "'unsafe-eval'" not in values
        assert "*" not in values and "http:" not in values and "https:" not in values
    assert "data:" not in csp.get("script-src", [])
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["form-action"] == ["'self'"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_the_other_graded_headers(client, production, fresh_site, path):
    response = https_get(client, path)
    hsts = response["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= 15_768_000, "Observatory: at least six months"
    assert "includeSubDomains" in hsts and "preload" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] in ("no-referrer", "same-origin", "strict-origin",
                                           "strict-origin-when-cross-origin")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in response.headers
    assert not response.cookies, "public pages set no cookie at all"


def test_plain_http_is_redirected_to_https_on_the_same_host(client, production, fresh_site):
    response = client.get("/en/states-parties/?sort=eif", HTTP_HOST=HOST)
    assert response.status_code == 301
    assert response["Location"] == f"https://{HOST}/en/states-parties/?sort=eif"


def test_the_proxy_header_saying_http_is_redirected_too(client, production, fresh_site):
    response = client.get("/en/", HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="http")
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_the_health_check_answers_over_plain_http(client, production, fresh_site):
    response = client.get("/healthz?scope=web", HTTP_HOST=HOST)
    assert response.status_code == 200


def test_admin_cookies_are_host_only_secure_and_the_session_cookie_http_only(
        client, production, fresh_site, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "x" * 16)
    login = https_get(client, "/admin/login/")
    csrf = login.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["path"] == "/" and not csrf["domain"]
    assert csrf["samesite"] == "Lax"
    response = client.post("/admin/login/", {"username": "editor", "password": "x" * 16},
                           HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https",
                           HTTP_REFERER=f"https://{HOST}/admin/login/")
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["path"] == "/"
    assert not session["domain"]
