"""Generate ``docs/cli.md`` from the command's own parser, so the reference cannot go stale."""

import argparse
import os

from . import build_parser

HEADER = """# The `treatydesk` command

Generated from the command's own help by `python -m treatydesk.cli.docs > docs/cli.md`;
`tests/docs/test_docs.py` fails when this file and the command disagree.
"""


def render() -> str:
    os.environ["COLUMNS"] = "100"
    parser = build_parser()
    parts = [HEADER, "```", parser.format_help().rstrip(), "```", ""]
    sub_action = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001
    for name, sub in sub_action.choices.items():
        parts += [f"## treatydesk {name}", ""]
        if name == "manage":
            parts += ["Runs any Django management command: `treatydesk manage help` lists them.",
                      ""]
            continue
        parts += ["```", sub.format_help().rstrip(), "```", ""]
        # Groups of commands (``treatydesk mail keygen``…): each member's own help too.
        for action in sub._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for child, parser in action.choices.items():
                    parts += [f"### treatydesk {name} {child}", "", "```",
                              parser.format_help().rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")  # noqa: T201
