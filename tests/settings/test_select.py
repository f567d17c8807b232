"""Choosing the settings module from TREATYDESK_ENV (treatydesk/settings/select.py)."""

import pytest

from treatydesk.settings.select import MODULES, configure_settings_module


@pytest.fixture
def environ(monkeypatch):
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    monkeypatch.delenv("TREATYDESK_ENV", raising=False)
    return monkeypatch


@pytest.mark.parametrize(("env", "module"), [("production", "treatydesk.settings.production"),
                                              (" Test ", "treatydesk.settings.test"),
                                              ("development", "treatydesk.settings.dev")])
def test_the_environment_names_the_module(environ, env, module):
    environ.setenv("TREATYDESK_ENV", env)
    assert configure_settings_module() == module
    import os

    assert os.environ["DJANGO_SETTINGS_MODULE"] == module


def test_without_an_environment_the_default(environ):
    assert configure_settings_module() == MODULES["dev"]
    environ.delenv("DJANGO_SETTINGS_MODULE")
    assert configure_settings_module("production") == MODULES["production"]


def test_a_module_already_chosen_is_kept(environ):
    environ.setenv("DJANGO_SETTINGS_MODULE", "somewhere.else")
    environ.setenv("TREATYDESK_ENV", "production")
    assert configure_settings_module() == "somewhere.else"


def test_an_unknown_environment_is_refused_with_the_choices(environ):
    environ.setenv("TREATYDESK_ENV", "staging")
    with pytest.raises(SystemExit) as leaving:
        configure_settings_module()
    assert "'staging'" in str(leaving.value) and "production" in str(leaving.value)
