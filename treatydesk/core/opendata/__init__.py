"""Open data: the register's facts, counts and panel as rows; diffs; the UNTC status table.

Plain Python (no Django); the API (``treatydesk/api/``), the data releases and the command
line build on these names (docs/register-api.md, "Open data").
"""

from .changes import COMPARED, FactChanges, diff_facts, diff_rows
from .events import EVENT_FIELDS, event_row, event_rows, event_sort_key, fact_ids, split_source
from .panel import CODE_MEANINGS, CODES, NO_STATUS, PANEL_FIELDS, panel_rows
from .series import MAX_POINTS, SeriesTooLong, Step, counts_series, series_days
from .universe import OBSERVER_STATES, UN_MEMBERS, universe
from .untc import (
    TABLE_KINDS,
    UNTC_NAMES,
    UntcTable,
    merge_table,
    parse_untc_date,
    parse_untc_table,
    participant_country,
)

__all__ = [
    "CODES",
    "CODE_MEANINGS",
    "COMPARED",
    "EVENT_FIELDS",
    "FactChanges",
    "MAX_POINTS",
    "NO_STATUS",
    "OBSERVER_STATES",
    "PANEL_FIELDS",
    "SeriesTooLong",
    "Step",
    "TABLE_KINDS",
    "UNTC_NAMES",
    "UN_MEMBERS",
    "UntcTable",
    "counts_series",
    "diff_facts",
    "diff_rows",
    "event_row",
    "event_rows",
    "event_sort_key",
    "fact_ids",
    "merge_table",
    "panel_rows",
    "parse_untc_date",
    "parse_untc_table",
    "participant_country",
    "series_days",
    "split_source",
    "universe",
]
