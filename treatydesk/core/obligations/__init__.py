"""Obligations: every State Party's deadlines, computed from the register, cited and tracked.

Plain Python, no Django.  Rules come from the `[[obligations]]` tables of the treaty
definitions; facts (reports received, declarations, extension requests and decisions, the end
of active hostilities) are recorded; deadlines and their statuses are computed on any date.
See docs/obligations.md (the modules, one concept each) and docs/decisions.md §10.
"""

from .compute import ObligationRegister
from .counting import YearRate
from .coverage import NO_RECORDS, RecordsCoverage, coverage_from_dict
from .csvimport import parse_obligation_csv
from .deadlines import Deadline
from .export import CSV_FIELDS, deadline_detail, deadline_row, deadlines_csv, records_words
from .extensions import extension_problem
from .facts import (
    Access,
    CompletionDeclared,
    ExtensionDecision,
    ExtensionRequest,
    HostilitiesEnded,
    NotApplicable,
    ObligationApplies,
    ObligationFact,
    ReportReceived,
)
from .ical import deadline_uid, deadlines_ics
from .policy import (
    DEFAULT_POLICY,
    FIRST_AFTER_INITIAL_DUE,
    MONTH_END_CLAMP,
    MONTH_END_NEXT_DAY,
    POLICY_FIELDS,
    YEAR_AFTER_ENTRY_INTO_FORCE,
    YEAR_AFTER_INITIAL_DUE,
    ObligationPolicy,
    PolicyError,
    policy_from_mapping,
)
from .reminders import MISSED, Contact, Reminder, reminder_reason, select_reminders
from .rules import (
    REPORT_KINDS,
    WORK_KINDS,
    AfterHostilities,
    AnnualDate,
    ExtensionRule,
    ObligationKind,
    ObligationRule,
    Period,
    TreatyObligations,
    load_obligations,
    load_obligations_file,
    obligations_from_dict,
)
from .status import DECIDED, DeadlineStatus
from .timeline import ObligationEvent
from .validation import DECISION_WITHOUT_REQUEST, validate_obligation_facts

__all__ = [
    "CSV_FIELDS",
    "DECIDED",
    "DECISION_WITHOUT_REQUEST",
    "DEFAULT_POLICY",
    "MISSED",
    "NO_RECORDS",
    "FIRST_AFTER_INITIAL_DUE",
    "MONTH_END_CLAMP",
    "MONTH_END_NEXT_DAY",
    "POLICY_FIELDS",
    "REPORT_KINDS",
    "WORK_KINDS",
    "YEAR_AFTER_ENTRY_INTO_FORCE",
    "YEAR_AFTER_INITIAL_DUE",
    "Access",
    "AfterHostilities",
    "AnnualDate",
    "CompletionDeclared",
    "Contact",
    "Deadline",
    "DeadlineStatus",
    "ExtensionDecision",
    "ExtensionRequest",
    "ExtensionRule",
    "HostilitiesEnded",
    "NotApplicable",
    "ObligationApplies",
    "ObligationEvent",
    "ObligationFact",
    "ObligationKind",
    "ObligationPolicy",
    "ObligationRegister",
    "ObligationRule",
    "Period",
    "PolicyError",
    "RecordsCoverage",
    "Reminder",
    "ReportReceived",
    "TreatyObligations",
    "YearRate",
    "deadline_detail",
    "deadline_row",
    "deadline_uid",
    "deadlines_csv",
    "deadlines_ics",
    "extension_problem",
    "coverage_from_dict",
    "load_obligations",
    "load_obligations_file",
    "obligations_from_dict",
    "parse_obligation_csv",
    "policy_from_mapping",
    "records_words",
    "reminder_reason",
    "select_reminders",
    "validate_obligation_facts",
]
