"""Read the participation data shipped in treatydesk/core/treaties/<code>/ into Facts."""

from __future__ import annotations

from pathlib import Path

from ..treaties import TREATIES_DIR
from .csvformat import parse_participants_csv, parse_withdrawals_csv
from .facts import Fact
from .problems import Problem


def load_shipped_facts(code: str, data_dir: Path | None = None) -> tuple[list[Fact], list[Problem]]:
    """Return the facts in <data_dir>/<code>/participants.csv and withdrawals.csv, with problems.

    A treaty with no data directory has no facts (and no problems).
    """
    folder = (data_dir or TREATIES_DIR) / code.lower()
    participants_path = folder / "participants.csv"
    if not participants_path.is_file():
        return [], []
    facts, problems = parse_participants_csv(
        participants_path.read_text(encoding="utf-8"), f"{folder.name}/participants.csv"
    )
    withdrawals_path = folder / "withdrawals.csv"
    if withdrawals_path.is_file():
        more, more_problems = parse_withdrawals_csv(
            withdrawals_path.read_text(encoding="utf-8"),
            f"{folder.name}/withdrawals.csv",
            known_states={fact.state for fact in facts},
        )
        facts += more
        problems += more_problems
    return facts, problems
