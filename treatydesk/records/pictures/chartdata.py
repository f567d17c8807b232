"""The charts of a treaty's register in the page's language: picture, sentence, table, CSV.

Each chart is one ``Chart``: the SVG, a sentence that says what it shows, and the numbers it
is drawn from as a header and rows, which the page shows as a table and the CSV download
writes out. The numbers are the core's (``treatydesk.core.pictures.figures``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from treatydesk.core import clock, pictures
from treatydesk.core import register as core
from treatydesk.records.facts.loading import current_register
from treatydesk.records.status.localize import kind_label, long_date, page_language

from .marks import meetings_of
from .treaties import held_treaties

CHARTS = ("cumulative", "instruments", "regions", "compared")


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    sentence: str
    svg: str
    header: list[str]
    rows: list[list]
    notes: list[str] = field(default_factory=list)

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return out.getvalue()


def _fraction(day: dt.date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def cumulative_chart(code: str, today: dt.date | None = None, prefix: str = "c") -> Chart:
    """States Parties and signatories at the end of each year, entry into force and meetings."""
    today = today or clock.today()
    lang = page_language()
    register = current_register(code)
    rows = pictures.cumulative(register, today)
    years = [row.year for row in rows]
    parties = pictures.Series(_("States Parties"), [r.states_parties for r in rows],
                              pictures.SERIES[0])
    signed = pictures.Series(_("Signed or bound"), [r.signed for r in rows], pictures.SERIES[1],
                             dash="7 4")
    marks, notes = [], []
    eif = register.treaty_entry_into_force.date
    if eif is not None:
        marks.append(pictures.Mark(_fraction(eif), _("EIF"),
                                   _("Entry into force: %(day)s") % {"day": long_date(eif)}))
    meetings = meetings_of(code)
    if not meetings:
        notes.append(_("No Meetings of States Parties are recorded on this site for this "
                       "treaty; only entry into force is marked."))
    for meeting in meetings or []:
        if years and years[0] <= meeting.start.year <= years[-1]:
            marks.append(pictures.Mark(_fraction(meeting.start), meeting.short,
                                       f"{meeting.title}: {long_date(meeting.start)}"))
    if meetings:
        notes.append(_("Dashed vertical lines mark entry into force (EIF) and each Meeting of "
                       "States Parties or Review Conference held, from the meetings pages."))
    name = register.treaty.titles(lang).name
    title = _("States Parties and signatories over time: %(treaty)s") % {"treaty": name}
    last = rows[-1] if rows else None
    sentence = _(
        "The number of States Parties at the end of each year since the treaty opened for "
        "signature, and of States that had signed or were bound; on %(day)s, %(parties)s "
        "States Parties."
    ) % {"day": long_date(today), "parties": last.states_parties if last else 0}
    svg = pictures.line_chart(years, [parties, signed], pictures.Words(title, sentence, lang),
                              marks=marks, id_prefix=f"{prefix}-cumulative")
    header = [_("Year"), _("Counted on"), _("States Parties"), _("Signatories"),
              _("Deposited, awaiting entry into force"), _("Withdrawn")]
    table = [[r.year, r.day.isoformat(), r.states_parties, r.counts.signatories,
              r.counts.deposited, r.counts.withdrawn] for r in rows]
    return Chart("cumulative", title, sentence, svg, header, table, notes)


def instruments_chart(code: str, today: dt.date | None = None, prefix: str = "c") -> Chart:
    """Consent instruments deposited each year, stacked by kind."""
    today = today or clock.today()
    lang = page_language()
    register = current_register(code)
    by_year = pictures.instruments_by_year(register, today)
    years = list(by_year)
    kinds = [kind.value for kind in core.FactKind if kind in core.CONSENT_KINDS]
    kinds = [kind for kind in kinds if any(by_year[y][kind] for y in years)]
    layers = [pictures.Series(kind_label(kind), [by_year[y][kind] for y in years],
                              pictures.SERIES[i % len(pictures.SERIES)])
              for i, kind in enumerate(kinds)]
    name = register.treaty.titles(lang).name
    title = _("Instruments deposited each year, by kind: %(treaty)s") % {"treaty": name}
    total = sum(sum(counter.values()) for counter in by_year.values())
    sentence = _(
        "How many States deposited their instrument of ratification, acceptance, approval, "
        "accession or succession in each year: %(total)s instruments up to %(day)s."
    ) % {"total": total, "day": long_date(today)}
    svg = pictures.stacked_bars(years, layers, pictures.Words(title, sentence, lang),
                                id_prefix=f"{prefix}-instruments")
    header = [_("Year"), *[kind_label(kind) for kind in kinds], _("Total")]
    table = [[y, *[by_year[y][kind] for kind in kinds], sum(by_year[y].values())]
             for y in years]
    notes = [_("Each State's instrument is the one the register counts; instruments whose date "
               "of deposit is not known are left out.")]
    return Chart("instruments", title, sentence, svg, header, table, notes)


def regions_chart(code: str, today: dt.date | None = None, prefix: str = "c") -> Chart:
    """States Parties in each UN M49 region, as small multiples on the region's own scale."""
    today = today or clock.today()
    lang = page_language()
    register = current_register(code)
    regions = pictures.m49_regions()
    by_region = pictures.parties_by_region(register, regions, today)
    years = [year for year, _n, _t in next(iter(by_region.values()))]
    panels, table = [], []
    for region in pictures.REGION_CODES:
        series = by_region[region]
        total = series[-1][2]
        last = series[-1][1]
        panels.append(pictures.Panel(
            pictures.region_name(region, lang), [n for _y, n, _t in series], total,
            _("%(parties)s of %(states)s States") % {"parties": last, "states": total},
        ))
    for i, year in enumerate(years):
        table.append([year, *[by_region[r][i][1] for r in pictures.REGION_CODES]])
    name = register.treaty.titles(lang).name
    title = _("States Parties by region: %(treaty)s") % {"treaty": name}
    sentence = _(
        "For each UN region (M49), the States Parties at the end of each year, on a scale up "
        "to all the region's States: the higher the area, the larger the share that has joined."
    )
    svg = pictures.small_multiples(years, panels, pictures.Words(title, sentence, lang),
                                   pictures.SERIES[0], id_prefix=f"{prefix}-regions")
    header = [_("Year"), *[pictures.region_name(r, lang) for r in pictures.REGION_CODES]]
    notes = [_("Regions: United Nations Statistics Division, M49 standard.")]
    return Chart("regions", title, sentence, svg, header, table, notes)


def compared_chart(code: str | None = None, today: dt.date | None = None,
                   prefix: str = "c") -> Chart:
    """Every treaty held: States Parties against years since it opened for signature."""
    today = today or clock.today()
    lang = page_language()
    registers = [current_register(c) for c in held_treaties()]
    made = pictures.curves([(r, r.treaty.titles(lang).short_title) for r in registers], today)
    length = max((len(c.points) for c in made), default=1)
    xs = list(range(length))
    series = [pictures.Series(c.name, [n for _y, n in c.points],
                              pictures.SERIES[i % len(pictures.SERIES)],
                              dash="" if i % 2 == 0 else "7 4")
              for i, c in enumerate(made)]
    title = _("The treaties compared: States Parties by years since opening for signature")
    sentence = _(
        "For each treaty whose register this site keeps, the States Parties on each "
        "anniversary of its opening for signature, so that their pace can be compared."
    )
    svg = pictures.line_chart(xs, series, pictures.Words(title, sentence, lang),
                              id_prefix=f"{prefix}-compared")
    header = [_("Years since opening for signature"), *[c.name for c in made]]
    table = [[x, *[c.points[x][1] if x < len(c.points) else "" for c in made]] for x in xs]
    notes = [_("Opened for signature: %(dates)s.") % {"dates": "; ".join(
        f"{c.name} {long_date(c.opened)}" for c in made)}]
    return Chart("compared", title, sentence, svg, header, table, notes)


BUILDERS = {
    "cumulative": cumulative_chart,
    "instruments": instruments_chart,
    "regions": regions_chart,
    "compared": compared_chart,
}
