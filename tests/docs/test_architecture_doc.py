"""docs/architecture.md cannot go stale: every installed app of ours and every core package is
described there, and every package it names exists."""

import re

from django.apps import apps

from tests.paths import DOCS, PACKAGE, ROOT

ARCHITECTURE = (DOCS / "architecture.md").read_text(encoding="utf-8")


def test_every_installed_app_is_described_with_its_label():
    for config in apps.get_app_configs():
        if not config.name.startswith("treatydesk."):
            continue
        path = "treatydesk/" + config.name.removeprefix("treatydesk.").replace(".", "/") + "/"
        assert f"`{path}` (`{config.label}`)" in ARCHITECTURE, (
            f"docs/architecture.md does not describe the app {config.name} (label "
            f"{config.label}) as `{path}` (`{config.label}`)")


def test_every_core_package_is_described():
    core = PACKAGE / "core"
    for child in sorted(core.iterdir()):
        if child.name.startswith("_"):
            continue
        if child.is_dir() and (child / "__init__.py").exists():
            assert f"`treatydesk/core/{child.name}/`" in ARCHITECTURE, child.name
        elif child.suffix == ".py":
            assert f"`treatydesk/core/{child.name}`" in ARCHITECTURE, child.name


def test_every_area_is_in_the_tree_and_the_layers():
    tree = ARCHITECTURE.split("## The tree", 1)[1].split("###", 1)[0]
    areas = sorted(child.name for child in PACKAGE.iterdir()
                   if child.is_dir() and (child / "__init__.py").exists())
    for area in areas:
        assert re.search(rf"^  {area}/ ", tree, re.M), f"{area}/ missing from the tree"


def test_every_path_the_page_names_exists():
    for path in re.findall(r"`(treatydesk/[\w/.]+)`", ARCHITECTURE):
        assert (ROOT / path.rstrip("/")).exists(), f"docs/architecture.md names {path}"


def test_the_layers_shown_are_the_layers_the_lint_step_enforces():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if c["type"] == "layers")
    shown = ARCHITECTURE.split("## Layers", 1)[1].split("```", 2)[1]
    lines = [line.split("(")[0].strip() for line in shown.strip().splitlines()]
    assert lines == contract["layers"]
