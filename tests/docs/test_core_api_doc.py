"""docs/register-api.md documents the core's public API: every name a core package exports
(its ``__all__``) is named there, so a new export cannot go undocumented."""

import importlib
import re

import pytest

from tests.paths import DOCS, PACKAGE

API_DOC = (DOCS / "register-api.md").read_text(encoding="utf-8")
CORE_PACKAGES = sorted(
    child.name for child in (PACKAGE / "core").iterdir()
    if child.is_dir() and (child / "__init__.py").exists() and not child.name.startswith("_")
)


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_every_exported_name_is_documented(package):
    module = importlib.import_module(f"treatydesk.core.{package}")
    exported = getattr(module, "__all__", [])
    missing = [name for name in exported
               if not re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", API_DOC)]
    assert not missing, (f"treatydesk.core.{package} exports names docs/register-api.md does "
                         f"not mention: {missing}")


def test_every_core_package_with_an_api_has_a_section():
    for package in CORE_PACKAGES:
        module = importlib.import_module(f"treatydesk.core.{package}")
        if getattr(module, "__all__", None):
            assert f"`treatydesk.core.{package}`" in API_DOC, package
