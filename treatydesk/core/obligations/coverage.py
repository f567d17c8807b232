"""What the secretariat holds: the obligation records the register can judge a deadline by.

A deadline that passed with no report recorded is "overdue" only where the register holds
the records that would show the report: each treaty's definition declares it in its
`[obligation_records]` table (none by default, so no deadline is ever called overdue on the
strength of records the secretariat does not hold).  The table may name the day from which
the records are complete and a public note in each language:

    [obligation_records]
    complete_from = 2015-01-01
    text = "Reports received from 1 January 2015 are recorded."
    [obligation_records.texts.fr]
    text = "…"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..register.definitions import DefinitionError

#: The public note when a treaty declares no records (English; pages translate it).
NO_RECORDS_TEXT = (
    "The register holds no complete record of the reports and declarations received under "
    "this treaty: a deadline that has passed without a recorded report is shown as "
    "“no report recorded”, never as overdue."
)


@dataclass(frozen=True, slots=True)
class RecordsCoverage:
    """The obligation records a treaty's register holds.

    `complete_from` is the first day from which every report, declaration and completion
    received is recorded (None: no complete records).  `text` is the public note, `texts`
    the same in other languages ({"fr": "…"}).
    """

    complete_from: date | None = None
    text: str = ""
    texts: dict[str, str] = field(default_factory=dict)

    def covers(self, due: date) -> bool:
        """Return True when the records would show a fact closing a deadline due on `due`."""
        return self.complete_from is not None and due >= self.complete_from

    def note(self, lang: str = "en") -> str:
        """Return the public coverage note in `lang` ("" means: the page writes its own)."""
        if lang != "en" and lang in self.texts:
            return self.texts[lang]
        if lang == "en":
            return self.text or (NO_RECORDS_TEXT if self.complete_from is None else "")
        return ""


NO_RECORDS = RecordsCoverage()


def coverage_from_dict(data: dict[str, Any], source: str = "<dict>") -> RecordsCoverage:
    """Return the `[obligation_records]` table of a definition (NO_RECORDS when absent)."""
    table = data.get("obligation_records")
    if table is None:
        return NO_RECORDS
    where = f"{source}: obligation_records"
    if not isinstance(table, dict):
        raise DefinitionError(f"{where} must be a table")
    complete_from = table.get("complete_from")
    if complete_from is not None and not isinstance(complete_from, date):
        raise DefinitionError(f"{where}.complete_from must be a date (YYYY-MM-DD, unquoted)")
    texts = {}
    for lang, entry in (table.get("texts") or {}).items():
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise DefinitionError(f"{where}.texts.{lang} needs a text")
        texts[lang] = entry["text"]
    return RecordsCoverage(complete_from, str(table.get("text", "")), texts)
