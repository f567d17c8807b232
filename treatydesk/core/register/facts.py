"""Facts: what the depositary recorded about one state and one treaty.

A fact is something a source asserts (a signature, a deposit, a withdrawal notice);
everything else the register shows is computed from facts and the treaty definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class FactKind(StrEnum):
    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    #: A known party whose instrument's kind (and date) no source gives: counted, flagged.
    CONSENT = "consent"
    PROVISIONAL_APPLICATION = "provisional_application"
    WITHDRAWAL_NOTIFIED = "withdrawal_notified"
    WITHDRAWAL_EFFECTIVE = "withdrawal_effective"
    WITHDRAWAL_HELD = "withdrawal_held"
    #: A signatory notified the depositary that it does not intend to become a party.
    NO_INTENTION = "no_intention"


#: Instruments expressing consent to be bound: these count for entry into force and ordinals.
CONSENT_KINDS = frozenset(
    {
        FactKind.RATIFICATION,
        FactKind.ACCEPTANCE,
        FactKind.APPROVAL,
        FactKind.ACCESSION,
        FactKind.SUCCESSION,
        FactKind.CONSENT,
    }
)

#: Consent kinds reserved to signatories by treaties that open accession to non-signatories only.
SIGNATORY_KINDS = frozenset({FactKind.RATIFICATION, FactKind.ACCEPTANCE, FactKind.APPROVAL})

WITHDRAWAL_KINDS = frozenset(
    {FactKind.WITHDRAWAL_NOTIFIED, FactKind.WITHDRAWAL_EFFECTIVE, FactKind.WITHDRAWAL_HELD}
)

# C.N.776.2008.TREATIES-2 and C.N.475.2017.TREATIES-XXVI-9: number, then year.
_CN_RE = re.compile(r"C\.N\.(\d+)\.(\d{4})\.", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fact:
    """One recorded event for one state under one treaty.

    `date` is None only when a source asserts the fact without a date; such a fact is
    flagged and never given an invented date.  `sequence` records the order of deposits
    made on the same day when the depositary's records give it.

    `note` is the keeper's internal remark (never shown on a public page); `public_note` is
    the remark a reader may see.  `effective_date` is, for a succession, the date from which
    the successor is bound as the depositary records it (never computed).
    """

    state: str
    kind: FactKind
    date: date | None
    cn_reference: str = ""
    source: str = ""
    note: str = ""
    sequence: int | None = None
    state_name: str = ""
    public_note: str = ""
    effective_date: date | None = None

    @property
    def is_consent(self) -> bool:
        return self.kind in CONSENT_KINDS

    @property
    def cn_order(self) -> tuple[int, int] | None:
        """Return (year, number) of the C.N. reference, or None when there is none to parse."""
        return parse_cn_reference(self.cn_reference)

    @property
    def display_name(self) -> str:
        return self.state_name or self.state


def parse_cn_reference(reference: str) -> tuple[int, int] | None:
    """Return (year, number) from "C.N.776.2008.TREATIES-2", or None."""
    match = _CN_RE.search(reference or "")
    if match is None:
        return None
    return int(match.group(2)), int(match.group(1))
