"""``{% state_obligations iso3 %}``: a state's deadlines and their timeline, for its page."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from treatydesk.core import clock
from treatydesk.records.status.localize import long_date, page_language
from treatydesk.records.status.summary import site_treaty

from ..loading import current_obligations
from ..present import coverage_note, deadline_row, event_row

register = template.Library()


@register.inclusion_tag("obligations/includes/state_obligations.html")
def state_obligations(iso3: str) -> dict:
    """Return the obligations section of a state's page (today's statuses)."""
    treaty = site_treaty()
    obligations = current_obligations(treaty.code)
    day = clock.today()
    lang = page_language()
    deadlines = obligations.deadlines(iso3, day)
    events = obligations.timeline(iso3, day)
    reason = ""
    if not deadlines:
        record = obligations.register.participant(iso3, day)
        if record is not None and record.instrument is None:
            reason = _("A signatory has no deadlines until it deposits an instrument of "
                       "ratification, acceptance or approval.")
        elif record is not None and (record.entry_into_force is None
                                     or record.entry_into_force.date is None):
            reason = _("No deadline is computed: the date the treaty entered into force for "
                       "the State is not known.")
    return {
        "rows": [deadline_row(d, lang, obligations.rules) for d in deadlines],
        "events": [event_row(e, lang, obligations.rules) for e in events],
        "coverage": coverage_note(obligations.rules.coverage, lang),
        "reason": reason,
        # Open the timeline when it holds more than the computed deadlines (facts recorded).
        "open_timeline": any(event.deadline is None for event in events),
        "day_text": long_date(day, lang),
        "ics_url": reverse("state_deadlines_ics", args=[iso3]),
        "list_url": reverse("obligations_csv") + "?" + urlencode({"state": iso3}),
    }
