"""A computed date's explanation in the page's language.

The register core explains every date in English (``ComputedDate.rule`` and ``.basis``) and
names what the explanation is (``ComputedDate.key``) with the day it counts from
(``.start``).  English pages show the core's words; French and Spanish pages get the same
explanation rebuilt here from those parts, in the gettext catalogues, so that no English rule
text reaches them.  An explanation whose key this module does not know is left out on those
pages rather than shown in English.
"""

from __future__ import annotations

from babel.dates import format_skeleton
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .localize import long_date, page_language


def _nth_month(n: int) -> str:
    words = {
        1: _("the first day of the first month after"),
        2: _("the first day of the second month after"),
        3: _("the first day of the third month after"),
        6: _("the first day of the sixth month after"),
        12: _("the first day of the twelfth month after"),
    }
    return words.get(n) or _("the first day of month %(n)s after") % {"n": n}


def period_words(method: str, amount: int, adjust_days: int = 0) -> str:
    """Return a period in words in the active language: "180 jours après"."""
    if method == "first_day_of_month":
        return _nth_month(amount)
    if method == "days":
        words = ngettext("%(n)s day after", "%(n)s days after", amount) % {"n": amount}
    elif method == "months":
        words = ngettext("%(n)s month after", "%(n)s months after", amount) % {"n": amount}
    else:
        words = ngettext("%(n)s year after", "%(n)s years after", amount) % {"n": amount}
    if adjust_days < 0:
        n = -adjust_days
        words += ngettext(", less %(n)s day", ", less %(n)s days", n) % {"n": n}
    elif adjust_days > 0:
        words += ngettext(", plus %(n)s day", ", plus %(n)s days", adjust_days) % {
            "n": adjust_days}
    return words


def _rule_period(rule) -> str:
    """Return the period of a DelayRule (register) or a Period (obligations) in words."""
    if rule is None:
        return ""
    return period_words(rule.method, rule.amount, getattr(rule, "adjust_days", 0))


def _day_month(month: int, day: int, lang: str) -> str:
    """Return "30 avril", "30 de abril": a day of the year without the year."""
    import datetime as dt

    return format_skeleton("MMMMd", dt.date(2001, month, day), locale=lang)


def explain(computed, lang: str | None = None, *, period=None, annual=None) -> tuple[str, str]:
    """Return (rule, basis) of `computed` in the page's language.

    `period` is the rule the date was counted with (a DelayRule or an obligations Period);
    `annual` the AnnualDate of an annual report.  English returns the core's own words.
    """
    if computed is None:
        return "", ""
    lang = page_language(lang)
    if lang == "en":
        return computed.rule, computed.basis
    values = {
        "date": long_date(computed.date, lang),
        "start": long_date(computed.start, lang),
        "article": computed.article,
        "period": _rule_period(period),
    }
    key = computed.key
    if key == "later-states":
        return (_("%(period)s the date of deposit") % values,
                _("deposit %(start)s; %(period)s → %(date)s (%(article)s)") % values)
    if key == "treaty":
        return (_("entry into force of the treaty"),
                _("deposit %(start)s, before the treaty entered into force: bound from the "
                  "treaty’s entry into force → %(date)s (%(article)s)") % values)
    if key == "succession-recorded":
        rule = _("effective from the date of succession, as the depositary records it")
        if computed.start is None:
            return rule, _("effective from the date of succession, %(date)s, as the "
                           "depositary records it") % values
        return rule, _("notification of succession %(start)s; effective from the date of "
                       "succession, %(date)s, as the depositary records it") % values
    if key == "succession-unrecorded":
        return (_("effective from the date of succession, as the depositary records it"),
                _("The treaty does not say when a succession takes effect and the register "
                  "follows the depositary’s record; no date of succession is recorded."))
    if key == "deposit-unknown":
        return (_("%(period)s the date of deposit") % values,
                _("No source gives the date of deposit, so no date of entry into force is "
                  "computed."))
    if key == "not-in-force":
        return "", _("deposit %(start)s; the treaty is not yet in force") % values
    if key == "withdrawal-depositary":
        return (_("recorded by the depositary"),
                _("effective date recorded by the depositary: %(date)s") % values)
    if key == "withdrawal-sourced":
        return (_("recorded from the sources cited"),
                _("effective date recorded from the sources cited: %(date)s") % values)
    if key == "withdrawal-undated":
        return "", _("Recorded as effective, but no source gives the date.")
    if key == "withdrawal-notification-unknown":
        return (_("%(period)s the Depositary receives the notification") % values,
                _("No source gives the date of the notification, so no effective date is "
                  "computed."))
    if key == "withdrawal-computed":
        return (_("%(period)s the Depositary receives the notification") % values,
                _("notification received %(start)s; %(period)s → %(date)s (%(article)s)")
                % values)
    if key == "withdrawal-held":
        return (_("%(period)s the Depositary receives the notification") % values,
                _("notification received %(start)s; the withdrawal does not take effect "
                  "before the armed conflict ends (%(article)s)") % values)
    return _explain_deadline(computed, key, values, lang, annual)


def _explain_deadline(computed, key: str, values: dict, lang: str, annual) -> tuple[str, str]:
    if key == "obligation":
        return (_("%(period)s entry into force for the State") % values,
                _("entry into force for the State %(start)s; %(period)s → %(date)s "
                  "(%(article)s)") % values)
    if key in ("annual", "annual-first") and annual is not None and computed.date:
        values = values | {"day": _day_month(annual.month, annual.day, lang),
                           "year": computed.date.year - 1}
        rule = _("by %(day)s each year, covering the previous calendar year") % values
        basis = _("report covering %(year)s; due by %(day)s of the following year → "
                  "%(date)s (%(article)s)") % values
        if key == "annual-first":
            basis += " " + _("(the first annual report, in the year the Secretariat reads "
                             "the article to set)")
        return rule, basis
    if key == "extension":
        return (_("extension decided under %(article)s") % values,
                _("extended to %(date)s by a decision of %(start)s (%(article)s)") % values)
    if key == "hostilities":
        return (_("%(period)s the end of active hostilities") % values,
                _("end of active hostilities recorded %(start)s; %(period)s → %(date)s "
                  "(%(article)s)") % values)
    return "", ""
