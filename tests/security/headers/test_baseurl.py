"""TREATYDESK_BASE_URL: required in production and never this machine (system check)."""

import pytest
from django.test import override_settings

from tests.security.headers.production import production_environment
from tests.security.headers.test_production import run_treatydesk
from treatydesk.security.headers.baseurl import absolute, check_base_url, is_local


@pytest.mark.parametrize("url", ["http://localhost:8000", "http://127.0.0.1:8000",
                                 "http://[::1]/", "https://app.localhost", "http://0.0.0.0"])
def test_addresses_of_this_machine_are_local(url):
    assert is_local(url)


@pytest.mark.parametrize("url", ["https://www.ccm.example", "https://192.0.2.7"])
def test_public_addresses_are_not(url):
    assert not is_local(url)


def ids(errors):
    return [error.id for error in errors]


def test_check_is_silent_outside_production():
    with override_settings(TREATYDESK_BASE_URL_REQUIRED=False,
                           WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000"):
        assert check_base_url() == []


@pytest.mark.parametrize(("url", "expected"), [
    ("", ["treatydesk.E101"]),
    ("www.ccm.example", ["treatydesk.E102"]),
    ("http://localhost:8000", ["treatydesk.E103"]),
    ("https://www.ccm.example", []),
])
def test_check_in_production(url, expected):
    with override_settings(TREATYDESK_BASE_URL_REQUIRED=True, WAGTAILADMIN_BASE_URL=url,
                           TREATYDESK_MAIL_BASE_URL="https://www.ccm.example"):
        assert ids(check_base_url()) == expected


def test_mail_links_are_checked_too():
    with override_settings(TREATYDESK_BASE_URL_REQUIRED=True,
                           WAGTAILADMIN_BASE_URL="https://www.ccm.example",
                           TREATYDESK_MAIL_BASE_URL="http://127.0.0.1:8000"):
        errors = check_base_url()
    assert ids(errors) == ["treatydesk.E103"] and "TREATYDESK_MAIL_BASE_URL" in errors[0].msg


def test_absolute_uses_the_base_url():
    with override_settings(WAGTAILADMIN_BASE_URL="https://www.ccm.example/"):
        assert absolute("/en/states/USA/") == "https://www.ccm.example/en/states/USA/"
        assert absolute("https://other.example/x") == "https://other.example/x"


def test_production_start_refuses_a_local_base_url(tmp_path):
    env = production_environment(tmp_path)
    env["TREATYDESK_BASE_URL"] = "http://localhost:8000"
    result = run_treatydesk(["manage", "check"], env)
    assert result.returncode != 0
    assert "treatydesk.E103" in result.stdout + result.stderr
    del env["TREATYDESK_BASE_URL"]
    result = run_treatydesk(["manage", "check"], env)
    assert result.returncode != 0 and "TREATYDESK_BASE_URL" in result.stderr
