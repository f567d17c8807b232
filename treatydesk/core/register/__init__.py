"""Register core: treaty rules, facts and the register computed from them (no Django).

Django apps, the CLI and the benchmarks import only the names below; see
docs/register-api.md.
"""

from .compute import Register
from .countries import Country, UnknownState, country_name, resolve_state
from .csvformat import (
    ImportError_,
    facts_or_raise,
    parse_participants_csv,
    parse_withdrawals_csv,
)
from .dates import add_days, add_months, first_day_of_month_after, format_date_en, ordinal_en
from .definitions import (
    DefinitionError,
    DelayRule,
    TreatyDefinition,
    TreatyTitles,
    UnknownTreaty,
    load_treaty,
    load_treaty_file,
    treaty_codes,
    treaty_from_dict,
)
from .facts import CONSENT_KINDS, Fact, FactKind
from .problems import Problem, Severity
from .records import ComputedDate, Counts, ParticipantRecord, Status, TimelineEvent
from .shipped import load_shipped_facts
from .universe import (
    M49_REGIONS,
    REGIONAL_GROUPS,
    UniverseError,
    UniverseState,
    parse_universe,
    universe,
    universe_state,
)
from .validation import validate

RegisterImportError = ImportError_

__all__ = [
    "M49_REGIONS",
    "REGIONAL_GROUPS",
    "UniverseError",
    "UniverseState",
    "parse_universe",
    "universe",
    "universe_state",
    "CONSENT_KINDS",
    "ComputedDate",
    "Counts",
    "Country",
    "DefinitionError",
    "DelayRule",
    "Fact",
    "FactKind",
    "ImportError_",
    "ParticipantRecord",
    "Problem",
    "Register",
    "RegisterImportError",
    "Severity",
    "Status",
    "TimelineEvent",
    "TreatyDefinition",
    "TreatyTitles",
    "UnknownState",
    "UnknownTreaty",
    "add_days",
    "add_months",
    "country_name",
    "facts_or_raise",
    "first_day_of_month_after",
    "format_date_en",
    "load_shipped_facts",
    "load_treaty",
    "load_treaty_file",
    "ordinal_en",
    "parse_participants_csv",
    "parse_withdrawals_csv",
    "resolve_state",
    "treaty_codes",
    "treaty_from_dict",
    "validate",
]
