"""Every State in the universe (UN members, observers, Cook Islands, Niue) and its standing.

A State that has not joined the site's treaty still has a page: it says "not a signatory" and
gives the State's standing in every treaty the site holds (the site's treaty, and any other
treaty with facts in the register). Region and regional group come from the core's universe.
"""

import dataclasses
import datetime as dt

from django.utils.translation import gettext_lazy as _

from treatydesk.core import register as core
from treatydesk.records.facts.loading import current_register
from treatydesk.records.facts.models import Fact

from .localize import long_date, status_label, treaty_title
from .summary import site_treaty

NOT_A_SIGNATORY = "none"
NOT_A_SIGNATORY_LABEL = _("Not a signatory")

REGION_LABELS = {
    "002": _("Africa"),
    "019": _("Americas"),
    "142": _("Asia"),
    "150": _("Europe"),
    "009": _("Oceania"),
}

GROUP_LABELS = {
    "african": _("African States"),
    "asia-pacific": _("Asia-Pacific States"),
    "eastern-european": _("Eastern European States"),
    "latin-american-caribbean": _("Latin American and Caribbean States"),
    "western-european-other": _("Western European and other States"),
}

UN_STATUS_LABELS = {
    "member": _("Member State of the United Nations"),
    "observer": _("Non-member observer State of the United Nations"),
    "other": _("State listed by the Secretary-General as depositary (not a UN member)"),
}


def region_label(code: str) -> str:
    label = REGION_LABELS.get(code)
    return str(label) if label else ""


def group_label(code: str) -> str:
    label = GROUP_LABELS.get(code)
    return str(label) if label else ""


def held_treaties() -> list[str]:
    """Return the codes of the treaties the site holds: its own first, then any with facts."""
    own = site_treaty().code
    stored = set(Fact.objects.values_list("treaty", flat=True).distinct())
    return [own, *sorted(code for code in stored if code != own)]


@dataclasses.dataclass(frozen=True)
class Standing:
    """A State's standing in one treaty on one day."""

    treaty_code: str
    treaty_title: str
    status: str
    status_text: str
    since_text: str
    is_site_treaty: bool


def standings(iso3: str, day: dt.date) -> list[Standing]:
    """Return ``iso3``'s standing in every treaty the site holds, the site's treaty first."""
    own = site_treaty().code
    result = []
    for code in held_treaties():
        register = current_register(code)
        record = register.participant(iso3, day)
        since = None
        if record is not None:
            if record.withdrawal_effective and record.status == core.Status.WITHDRAWN:
                since = record.withdrawal_effective.date
            elif record.entry_into_force and record.status == core.Status.PARTY:
                since = record.entry_into_force.date
            elif record.instrument:
                since = record.instrument.date
            elif record.signature:
                since = record.signature.date
        result.append(Standing(
            treaty_code=code,
            treaty_title=treaty_title(register.treaty),
            status=str(record.status) if record else NOT_A_SIGNATORY,
            status_text=status_label(record.status) if record else str(NOT_A_SIGNATORY_LABEL),
            since_text=long_date(since),
            is_site_treaty=code == own,
        ))
    return result
