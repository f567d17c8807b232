"""docs/deploy.md cannot go stale: every environment variable the settings read is in its table."""

import re

from tests.paths import ROOT

READ = re.compile(r"""environ(?:\.get)?\s*[\(\[]\s*["']([A-Z][A-Z0-9_]+)["']""")


def variables_read() -> set[str]:
    sources = [*(ROOT / "treatydesk" / "settings").glob("*.py"),
               ROOT / "deploy" / "gunicorn.conf.py"]
    found = set()
    for source in sources:
        found |= set(READ.findall(source.read_text(encoding="utf-8")))
    return found


def documented() -> set[str]:
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    table = text.split("## 2. Environment variables", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))


def test_every_environment_variable_is_in_the_deploy_table():
    assert len(variables_read()) > 10, "the pattern no longer finds the settings' variables"
    missing = variables_read() - documented()
    assert not missing, f"add {sorted(missing)} to the table in docs/deploy.md, section 2"


def test_production_requires_what_the_table_says_is_required():
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    required = set(re.findall(r"^\| `([A-Z_]+)` \| yes \|", text, flags=re.M))
    production = (ROOT / "treatydesk" / "settings" / "production.py").read_text()
    declared = set(re.findall(r'"([A-Z_]+)"', production.split("REQUIRED = (", 1)[1]
                              .split(")", 1)[0]))
    assert required == declared | {"TREATYDESK_ENV"}
