"""Where things are, for tests that read files of the repository."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "treatydesk"
TREATIES = PACKAGE / "core" / "treaties"
DOCS = ROOT / "docs"
BENCH = ROOT / "bench"
