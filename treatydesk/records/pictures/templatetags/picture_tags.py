"""The pictures on other pages: ``{% participation_map %}``, ``{% participation_chart %}`` and
``{% state_timeline %}``, so that the home page, the States Parties page and a State's page show
them through one include each, without importing this app."""

from django import template
from django.utils.html import mark_safe
from django.utils.translation import gettext as _

from treatydesk.core import clock, pictures
from treatydesk.records.obligations.loading import current_obligations
from treatydesk.records.obligations.present import deadline_row
from treatydesk.records.status.asof import parse_as_of
from treatydesk.records.status.localize import page_language

from .. import chartdata
from ..treaties import site_treaty_code
from ..views import map_context

register = template.Library()


@register.inclusion_tag("pictures/includes/map_block.html")
def participation_map(as_of=None, prefix="map", treaty_register=None):
    """The site's treaty on the world map, on ``as_of`` (an AsOf; today when not given).

    ``treaty_register``: the site's computed register when the page has it (no query more).
    """
    return map_context(site_treaty_code(), as_of or parse_as_of(None), id_prefix=prefix,
                       register=treaty_register)


@register.inclusion_tag("pictures/includes/chart_block.html")
def participation_chart(slug="cumulative", prefix="home"):
    """One chart of the site's treaty with its sentence, its table and a link to the others."""
    chart = chartdata.BUILDERS[slug](site_treaty_code(), prefix=prefix)
    return {"chart": chart, "heading_level": 2, "with_link": True}


@register.simple_tag
def state_timeline(events, name, iso3=""):
    """Return a State's timeline as an SVG picture: the state page's dated events, then its
    deadlines (reports, destruction, clearance) as the obligations compute them today.

    Annual reports are left out (one a year would crowd the axis); the deadlines section of
    the page lists them.
    """
    dated = [pictures.Event(e["date"], e["label"], e["date_text"],
                            "computed" if e.get("computed") else "act")
             for e in events if e.get("date")]
    if iso3:
        dated += _deadline_events(iso3)
    svg = pictures.timeline(
        dated, _("Timeline of %(name)s under the treaty") % {"name": name},
        _("Each dated act and computed date of the State on one axis, in date order; the list "
          "below gives the same with rules and sources."), page_language(), "state-timeline")
    return mark_safe(svg)  # noqa: S308 — built from escaped text by the core's SVG writer


def _deadline_events(iso3: str) -> list:
    lang = page_language()
    obligations = current_obligations(site_treaty_code())
    found = []
    for deadline in obligations.deadlines(iso3, clock.today()):
        if deadline.covers is not None or not deadline.is_current or deadline.due.date is None:
            continue
        row = deadline_row(deadline, lang)
        found.append(pictures.Event(deadline.due.date,
                                    _("%(obligation)s due") % {"obligation": row["obligation"]},
                                    row["due_text"], "deadline"))
    return found
