"""The register's dates, names and labels in the page's language (the request's, by default).

The register core speaks ISO codes, ISO dates and enum values, and ``treatydesk.core.wording``
writes dates and names in English, French and Spanish; this module picks the page's language
(Django's ``get_language``) and hands it to them. Labels (statuses, flags) are interface
strings, in the gettext catalogues.
"""

import datetime as dt

from babel.dates import format_date
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from treatydesk.core import register as core
from treatydesk.core import wording
from treatydesk.records.facts.models import FactKind

STATUS_LABELS = {
    "signatory": _("Signatory"),
    "deposited": _("Deposited, awaiting entry into force"),
    "party": _("State Party"),
    "withdrawal_pending": _("Withdrawal pending"),
    "withdrawal_held": _("Withdrawal held (armed conflict)"),
    "withdrawn": _("Withdrawn"),
}

# The register core's flags (plain English strings) in the reader's words.
FLAG_LABELS = {
    "deposit date unknown": _("Date of deposit not given by any source read"),
    "deposit order unknown": _(
        "Deposited on the same day as another State; the order of deposit is not recorded"
    ),
    "more than one consent instrument recorded": _("More than one instrument recorded"),
    "withdrawal notification date unknown": _(
        "Date of the withdrawal notification not given by any source read"
    ),
    "withdrawal held (armed conflict)": _("Withdrawal held while the State is in armed conflict"),
    "instrument kind not recorded": _(
        "A known party: no source read names its instrument (ratification, acceptance, "
        "approval or accession)"
    ),
}


def page_language(lang: str | None = None) -> str:
    """Return the two-letter code of ``lang`` or of the active language ("en" by default)."""
    return (lang or get_language() or "en").split("-")[0].lower()


def long_date(day: dt.date | None, lang: str | None = None) -> str:
    """Return ``day`` written out in the page's language: "1 November 2013", "1er novembre 2013"."""
    if day is None:
        return ""
    code = page_language(lang)
    if code in wording.LANGUAGES:
        # The notices' wording: day-month-year in English as the UN writes it, "1er" in French.
        return wording.long_date(day, code)
    return format_date(day, format="long", locale=code)


def country_name(iso3: str, lang: str | None = None, depositary_name: str = "") -> str:
    """Return the state's name in the page's language.

    English pages keep the name as the depositary writes it (as imported); French and Spanish
    pages use the register core's names (UN usage where CLDR differs, else CLDR).
    """
    code = page_language(lang)
    if code == "en" and depositary_name:
        return depositary_name
    try:
        return core.country_name(iso3, code)
    except core.UnknownState:
        return depositary_name or iso3


def treaty_title(treaty, short: bool = False) -> str:
    """Return the treaty's title in the page's language, from its definition file."""
    titles = treaty.titles(page_language())
    return titles.short_title if short else titles.title


def kind_label(kind) -> str:
    """Return the instrument kind in words ("Ratification"), in the page's language."""
    if not kind:
        return ""
    try:
        return str(FactKind(str(kind)).label)
    except ValueError:
        return str(kind)


def status_label(status, record=None) -> str:
    """Return the participant status in words, in the page's language.

    With `record`: a State Party whose deposit date is not recorded says so, and a signatory
    that notified it does not intend to become a party has that status.
    """
    if record is not None:
        if str(status) == "signatory" and record.no_intention is not None:
            return str(_("Signatory that has notified it does not intend to become a party"))
        if (str(status) == "party" and record.instrument is not None
                and record.instrument.date is None):
            return str(_("State Party (date of deposit not recorded)"))
    label = STATUS_LABELS.get(str(status))
    return str(label) if label is not None else str(status)


def flag_label(flag: str) -> str:
    """Return a register flag in words (flags the page does not know are shown as recorded)."""
    label = FLAG_LABELS.get(flag)
    return str(label) if label is not None else flag.replace("_", " ")
