"""The treaty folders shipped in treatydesk/core/treaties: each one a treaty the core reads."""

import csv

import pytest

from treatydesk.core.register import load_treaty
from treatydesk.core.treaties import TREATIES_DIR, treaty_dir

FOLDERS = sorted(path for path in TREATIES_DIR.iterdir()
                 if path.is_dir() and not path.name.startswith(("_", ".")))


def test_there_are_treaty_folders():
    assert FOLDERS and all((folder / "definition.toml").is_file() for folder in FOLDERS)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_each_folder_holds_the_definition_of_its_treaty(folder):
    code = folder.name.upper()
    assert load_treaty(code).code == code
    assert treaty_dir(code) == treaty_dir(code.lower()) == folder


@pytest.mark.parametrize("path", sorted(TREATIES_DIR.glob("*/*.csv")),
                         ids=lambda path: f"{path.parent.name}/{path.name}")
def test_each_register_file_names_a_state_and_a_source_on_every_row(path):
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    assert all(row["state"].strip() and row["source"].strip() for row in rows)
