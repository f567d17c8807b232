"""Every obligations policy setting and every Django setting is documented."""


from tests.paths import ROOT
from treatydesk.core.obligations import POLICY_FIELDS, ObligationPolicy


def test_every_policy_setting_is_documented_with_its_default():
    decisions = (ROOT / "docs" / "decisions.md").read_text()
    section = decisions.split("## 10. Obligations", 1)[1]
    defaults = ObligationPolicy()
    for name in POLICY_FIELDS:
        assert f"`{name}`" in section, f"docs/decisions.md §10 does not explain {name}"
        value = getattr(defaults, name)
        shown = f"[{', '.join(map(str, value))}]" if isinstance(value, tuple) else str(value)
        assert shown in section, f"the default of {name} ({shown}) is not in docs/decisions.md"


def test_django_settings_are_documented():
    text = (ROOT / "docs" / "obligations.md").read_text()
    for name in ("TREATYDESK_OBLIGATIONS", "TREATYDESK_CALENDAR_DOMAIN",
                 "TREATYDESK_REMINDER_FROM"):
        assert name in text
