"""The lint step's architecture contracts (import-linter, pyproject.toml) catch what they claim:
a Django import in the core, an import against the layers, a cycle between sibling packages.

Each case copies the package, breaks it one way, and runs ``lint-imports`` on the copy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import PACKAGE, ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    copy = tmp_path_factory.mktemp("lint")
    shutil.copytree(PACKAGE, copy / "treatydesk",
                    ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static", "templates"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


@pytest.fixture
def tree(pristine, tmp_path):
    """A fresh copy of the package with the project's contracts, to break."""
    copy = tmp_path / "tree"
    shutil.copytree(pristine, copy)
    return copy


def lint(tree: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=120)


def add_module(tree: Path, dotted: str, source: str) -> None:
    path = tree.joinpath(*dotted.split(".")).with_suffix(".py")
    path.write_text(source, encoding="utf-8")


def test_the_package_as_it_is_keeps_every_contract(tree):
    result = lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_django_import_in_the_core_fails(tree):
    add_module(tree, "treatydesk.core.register.leak", "from django.conf import settings\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "The core is plain Python: no Django, Wagtail or settings BROKEN" in result.stdout
    assert "treatydesk.core.register.leak -> django (l.1)" in result.stdout


def test_an_import_against_the_layers_fails(tree):
    add_module(tree, "treatydesk.records.status.upward",
               "from treatydesk.newsroom.news import models\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "Areas depend downwards only BROKEN" in result.stdout
    assert "treatydesk.records is not allowed to import treatydesk.newsroom" in result.stdout


def test_a_new_cycle_between_sibling_packages_fails(tree):
    # mailings already imports subscribers; the reverse import closes a cycle.
    add_module(tree, "treatydesk.mail.subscribers.loop",
               "from treatydesk.mail.mailings import models\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "No import cycles between sibling packages BROKEN" in result.stdout
    assert "treatydesk.mail" in result.stdout
