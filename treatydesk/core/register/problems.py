"""Problems found in facts or in an import file, worded for the register keeper."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (error) or worth checking (warning).

    `index` is the position of the fact in the list validated; `file` and `line` name the
    place in an import file.  `state` is the ISO3 code when known.
    """

    message: str
    state: str = ""
    kind: str = ""
    field: str = ""
    severity: Severity = Severity.ERROR
    index: int | None = None
    file: str = ""
    line: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.file, self.line) if part not in ("", None))
        field = f" [{self.field}]" if self.field else ""
        prefix = f"{where}{field}: " if where or field else ""
        return f"{prefix}{self.severity}: {self.message}"
