"""Documentation that cannot go stale: the command reference and the README's commands."""


from tests.paths import ROOT
from treatydesk.cli import build_parser
from treatydesk.cli.docs import render


def test_cli_reference_is_current():
    assert (ROOT / "docs" / "cli.md").read_text() == render(), (
        "docs/cli.md is stale: run .venv/bin/python -m treatydesk.cli.docs > docs/cli.md"
    )


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert "make run" in first_block and "make test" in first_block


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"`treatydesk {name}" in readme, f"README does not mention treatydesk {name}"
