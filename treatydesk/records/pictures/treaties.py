"""Which treaties the site holds a register of, and the ``?treaty=`` a picture is asked for."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from treatydesk.core import register as core
from treatydesk.records.facts.models import Fact


class BadTreaty(ValueError):
    """The ``treaty`` value names no treaty the site holds; ``message`` says which it holds."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def held_treaties() -> list[str]:
    """Return the site's treaty first, then every other treaty with facts in the register."""
    site = site_treaty_code()
    known = set(core.treaty_codes())
    stored = set(Fact.objects.values_list("treaty", flat=True).distinct()) & known
    return [site] + sorted(stored - {site})


def site_treaty_code() -> str:
    """Return the code of the treaty the site is about (it needs no query)."""
    return settings.TREATYDESK_TREATY


def pick_treaty(value: str | None) -> str:
    """Return the treaty asked for (the site's by default), or raise BadTreaty.

    The site's treaty needs no query; another one is looked for among the treaties held.
    """
    code = (value or "").strip().upper()
    if not code or code == site_treaty_code():
        return site_treaty_code()
    held = held_treaties()
    if code not in held:
        raise BadTreaty(
            _("No register of “%(value)s” is kept here. Choose one of: %(codes)s.")
            % {"value": code[:20], "codes": ", ".join(held)}
        )
    return code
