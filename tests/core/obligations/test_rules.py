"""The obligation rules read from the treaty definitions, and refusals of bad tables."""

import pytest

from treatydesk.core.obligations import (
    POLICY_FIELDS,
    ObligationKind,
    ObligationPolicy,
    PolicyError,
    load_obligations,
    obligations_from_dict,
    policy_from_mapping,
)
from treatydesk.core.register import DefinitionError, UnknownTreaty, load_treaty, treaty_codes

K = ObligationKind


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ccm", [(K.INITIAL_REPORT, "Art. 7(1)"), (K.ANNUAL_REPORT, "Art. 7(2)"),
                 (K.STOCKPILE_DESTRUCTION, "Art. 3(2)"), (K.CLEARANCE, "Art. 4(1)(a)")]),
        ("apmbc", [(K.INITIAL_REPORT, "Art. 7(1)"), (K.ANNUAL_REPORT, "Art. 7(2)"),
                   (K.STOCKPILE_DESTRUCTION, "Art. 4"), (K.CLEARANCE, "Art. 5(1)")]),
        ("att", [(K.INITIAL_REPORT, "Art. 13(1)"), (K.ANNUAL_REPORT, "Art. 13(3)")]),
        ("tpnw", [(K.DECLARATION, "Art. 2(1)")]),
    ],
)
def test_shipped_rules(code, expected):
    rules = load_obligations(code)
    assert [(rule.kind, rule.article) for rule in rules.rules] == expected
    assert all(rule.text for rule in rules.rules)
    load_treaty(code)  # the register's loader still reads the file


def test_extension_rules():
    ccm, apmbc = load_obligations("CCM"), load_obligations("APMBC")
    assert ccm.rule(K.STOCKPILE_DESTRUCTION).extension.max_months == 48
    assert ccm.rule(K.CLEARANCE).extension.max_months == 60
    assert ccm.rule(K.CLEARANCE).after_hostilities.article == "Art. 4(1)(b)"
    assert not apmbc.rule(K.STOCKPILE_DESTRUCTION).extendable
    assert apmbc.rule(K.CLEARANCE).extension.max_months == 120
    assert not ccm.rule(K.INITIAL_REPORT).extendable
    assert ccm.rule(K.ANNUAL_REPORT).annual.words == "30 April"
    assert load_obligations("att").rule(K.ANNUAL_REPORT).annual.words == "31 May"


def test_every_shipped_treaty_has_obligations():
    assert all(load_obligations(code).rules for code in treaty_codes())


def test_unknown_treaty():
    with pytest.raises(UnknownTreaty):
        load_obligations("xyz")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"kind": "report", "article": "Art. 1", "method": "days", "days": 1}, "kind must be one"),
        ({"kind": "clearance", "method": "days", "days": 1}, "missing key 'article'"),
        ({"kind": "clearance", "article": "Art. 1", "method": "weeks"}, "method must be one"),
        ({"kind": "clearance", "article": "Art. 1", "method": "years", "years": 0}, "≥ 1"),
        ({"kind": "annual-report", "article": "Art. 1", "method": "days", "days": 1},
         "needs method 'annual'"),
        ({"kind": "annual-report", "article": "Art. 1", "method": "annual", "month": 2,
          "day": 29}, "not a day that exists every year"),
        ({"kind": "clearance", "article": "Art. 1", "method": "years", "years": 1,
          "extension": {"allowed": True, "article": "Art. 2"}}, "missing key 'max_months'"),
    ],
)
def test_bad_tables_name_the_file_and_key(table, message):
    with pytest.raises(DefinitionError, match="x.toml: obligations\\[0\\]") as raised:
        obligations_from_dict({"code": "X", "obligations": [table]}, source="x.toml")
    assert message in str(raised.value)


def test_kind_listed_twice():
    table = {"kind": "clearance", "article": "Art. 1", "method": "years", "years": 1}
    with pytest.raises(DefinitionError, match="listed twice: clearance"):
        obligations_from_dict({"obligations": [table, table]}, source="x.toml")


def test_policy_defaults_and_refusals():
    policy = policy_from_mapping({"reminder_days_before": [14, 60, 14]})
    assert policy.reminder_days_before == (60, 14)
    assert policy.first_annual_report == "year_after_initial_due"
    assert set(POLICY_FIELDS) == {"first_annual_report", "month_end", "due_soon_days",
                                  "reminder_days_before", "missed_reminder_days"}
    with pytest.raises(PolicyError, match="unknown obligation setting"):
        policy_from_mapping({"grace_days": 3})
    with pytest.raises(PolicyError, match="month_end must be one of"):
        ObligationPolicy(month_end="round")
    with pytest.raises(PolicyError, match="due_soon_days"):
        ObligationPolicy(due_soon_days=-1)
