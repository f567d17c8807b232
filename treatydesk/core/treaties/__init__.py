"""One folder per treaty: ``definition.toml`` (its rules, each with its article) and the
register shipped with it (``participants.csv``, ``withdrawals.csv``, with their sources).

Data only; ``treatydesk.core.register`` reads it.
"""

from pathlib import Path

TREATIES_DIR = Path(__file__).resolve().parent


def treaty_dir(code: str) -> Path:
    """Return the folder of the treaty ``code`` (any case)."""
    return TREATIES_DIR / code.lower()
