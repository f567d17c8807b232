"""No module outside migrations is over 400 lines (issue 9: modules of one concept)."""

from tests.paths import BENCH, PACKAGE, ROOT

LIMIT = 400


def too_long(folders) -> list[str]:
    found = []
    for folder in folders:
        for path in folder.rglob("*.py"):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or "node_modules" in parts:
                continue
            with path.open(encoding="utf-8") as handle:
                lines = sum(1 for _ in handle)
            if lines > LIMIT:
                found.append(f"{path.relative_to(ROOT)}: {lines} lines")
    return sorted(found)


def test_no_module_is_over_400_lines():
    assert too_long([PACKAGE, ROOT / "tests", ROOT / "scripts", BENCH]) == []


def test_the_check_sees_a_long_module(tmp_path, monkeypatch):
    monkeypatch.setattr("tests.lint.test_module_size.ROOT", tmp_path)
    (tmp_path / "long.py").write_text("x = 1\n" * (LIMIT + 1))
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0001_initial.py").write_text("x = 1\n" * (LIMIT + 1))
    (tmp_path / "short.py").write_text("x = 1\n" * LIMIT)
    assert too_long([tmp_path]) == [f"long.py: {LIMIT + 1} lines"]
