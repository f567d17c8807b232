"""The one rule for which notice an act gets: its consent instrument's, its withdrawal's, or none.

The notices app drafts by it, the command line and the public pages pick the notice of a
State's record by it, and the sentences in ``notices`` are chosen by it.
"""

from __future__ import annotations

from .. import register as core

SUBJECT_CONSENT = "consent"
SUBJECT_WITHDRAWAL = "withdrawal"
SUBJECTS = (SUBJECT_CONSENT, SUBJECT_WITHDRAWAL)

_BY_KIND = {
    **{kind: SUBJECT_CONSENT for kind in core.CONSENT_KINDS},
    core.FactKind.WITHDRAWAL_NOTIFIED: SUBJECT_WITHDRAWAL,
    core.FactKind.WITHDRAWAL_EFFECTIVE: SUBJECT_WITHDRAWAL,
}


def subject_of(act) -> str | None:
    """Return the notice ``act`` gets: "consent", "withdrawal", or None (no notice).

    ``act`` is a fact's kind ("ratification"; a signature, a provisional application or a hold
    gets no notice of its own), or a participant record, whose notice is that of its latest
    act: its withdrawal once any withdrawal fact is recorded (dated or not), else its consent
    instrument; a State that has only signed has none.
    """
    if isinstance(act, core.ParticipantRecord):
        withdrawing = (act.withdrawal_notified is not None or act.withdrawal_held is not None
                       or act.withdrawal_effective is not None)
        if withdrawing:
            return SUBJECT_WITHDRAWAL
        return SUBJECT_CONSENT if act.instrument is not None else None
    return _BY_KIND.get(core.FactKind(str(act)))
