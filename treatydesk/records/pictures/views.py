"""Public views of the pictures: the map page, the map as SVG and PNG, the charts and their CSV.

Thin: parse ``?treaty=`` and ``?as_of=``, ask ``drawing`` or ``chartdata``, answer. Sessionless
and ``Cache-Control: public`` like the register's pages, so the page cache keeps them too.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from treatydesk.core import clock, pictures
from treatydesk.core.register.definitions import load_treaty
from treatydesk.records.facts.loading import current_register
from treatydesk.records.fragments import render_kept
from treatydesk.records.status.asof import BadAsOf, as_of_notice, parse_as_of
from treatydesk.records.status.localize import country_name, long_date, page_language
from treatydesk.records.status.localize import status_label as status_words
from treatydesk.records.status.views import public

from . import chartdata, drawing
from .treaties import BadTreaty, held_treaties, pick_treaty, site_treaty_code

SVG_TYPE = "image/svg+xml; charset=utf-8"
ID_PREFIX = re.compile(r"[a-z][a-z0-9-]{0,19}")


def _query(code: str, as_of=None, **more) -> str:
    params = {} if code == site_treaty_code() else {"treaty": code}
    if as_of is not None and as_of.chosen:
        params["as_of"] = as_of.date.isoformat()
    params.update(more)
    return f"?{urlencode(params)}" if params else ""


def _parse(request):
    """Return (treaty code, AsOf) from the query, or raise BadTreaty / BadAsOf."""
    code = pick_treaty(request.GET.get("treaty"))
    # The first day a map can show is the adoption of the treaty asked for, not the site's.
    earliest = load_treaty(code).adopted_on
    return code, parse_as_of(request.GET.get("as_of"), earliest=earliest)


def _bad_request_text(message: str) -> HttpResponse:
    return HttpResponse(message + "\n", status=400, content_type="text/plain; charset=utf-8")


def _bad_request_page(request, message: str) -> HttpResponse:
    return render(request, "status/bad_request.html", {
        "message": message, "retry_url": reverse("map_page"),
    }, status=400)


def year_links(code: str, today, first_year: int) -> list[dict]:
    """Return one link per year since ``first_year``, to the map at that year's end."""
    links = []
    page = reverse("map_page")  # once, not once a year
    for year in range(first_year, today.year + 1):
        day = pictures.year_end(year, today)
        query = {"as_of": day.isoformat()} | ({} if code == site_treaty_code()
                                              else {"treaty": code})
        encoded = urlencode(query)
        links.append({"year": year, "day": day, "query": encoded, "href": f"{page}?{encoded}"})
    return links


def map_context(code: str, as_of, *, id_prefix: str = "map", register=None) -> dict:
    """Return what a page needs to show the map: the SVG, legend, year links, downloads.

    ``register``: the treaty's computed register if the page has it (no second query). The
    legend and the year links are rendered once per language and what fixes them (the id
    prefix; the treaty, its first year and today), and kept.
    """
    query = _query(code, as_of)
    today = clock.today()
    register = register or current_register(code)
    first = pictures.first_year(register)
    hatch_id = f"{id_prefix}-key-hatch"
    return {
        "map_treaty": code,
        "map_as_of": as_of,
        "map_svg": drawing.map_svg(code, as_of.date, legend=False, id_prefix=id_prefix,
                                   register=register),
        "map_legend_html": render_kept(
            "pictures/includes/map_legend.html", hatch_id,
            lambda: {"map_legend": drawing.legend_entries(), "map_hatch_id": hatch_id}),
        "map_years_html": render_kept(
            "pictures/includes/map_years.html", (code, first, today),
            lambda: {"map_years": year_links(code, today, first)}),
        "map_first_year": first,
        "map_last_year": today.year,
        "map_year_shown": min(max(as_of.date.year, first), today.year),
        "map_today": today,
        "map_prefix": id_prefix,
        "map_caption": drawing.map_title(register.treaty, as_of.date, page_language()),
        "map_svg_url": reverse("map_svg") + query,
        "map_png_url": reverse("map_png") + query,
        "map_page_url": reverse("map_page") + query,
        "map_svg_base": reverse("map_svg"),
        "map_hatch_id": hatch_id,
    }


@require_safe
@public
def map_page(request):
    """The world map of a treaty on a day, its legend, a link per year and the table of States."""
    try:
        code, as_of = _parse(request)
    except (BadTreaty, BadAsOf) as error:
        return _bad_request_page(request, error.message)
    register = current_register(code)
    lang = page_language()
    rows = [{
        "name": country_name(record.state, lang, record.state_name),
        "iso3": record.state,
        "status": status_words(record.status),
    } for record in register.participants(as_of.date)]
    context = map_context(code, as_of, register=register)
    context.update({
        "treaties": [{"code": c, "name": current_register(c).treaty.titles(lang).name}
                     for c in held_treaties()],
        "map_register_treaty": register.treaty,
        "as_of": as_of,
        "as_of_notice": as_of_notice(as_of, register.treaty),
        "rows": rows,
        "is_site_treaty": code == site_treaty_code(),
        "day_text": long_date(as_of.date, lang),
        "projection": pictures.world().projection,
        "geometry_source": pictures.world().source,
    })
    return render(request, "pictures/map.html", context)


@require_safe
@public
def map_svg(request):
    """The map alone as an SVG file, with its legend (``?legend=0`` leaves it out)."""
    try:
        code, as_of = _parse(request)
    except (BadTreaty, BadAsOf) as error:
        return _bad_request_text(error.message)
    legend = request.GET.get("legend") != "0"
    prefix = request.GET.get("id", "map")
    if not ID_PREFIX.fullmatch(prefix):
        prefix = "map"
    svg = drawing.map_svg(code, as_of.date, legend=legend, id_prefix=prefix)
    response = HttpResponse(svg, content_type=SVG_TYPE)
    response["Content-Disposition"] = f'inline; filename="{code.lower()}-map-{as_of.date}.svg"'
    return response


@require_safe
@public
def map_png(request):
    """The map alone as a PNG image (for social previews and documents)."""
    try:
        code, as_of = _parse(request)
    except (BadTreaty, BadAsOf) as error:
        return _bad_request_text(error.message)
    png = drawing.to_png(drawing.map_svg(code, as_of.date, legend=True))
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{code.lower()}-map-{as_of.date}.png"'
    return response


@require_safe
@public
def charts_page(request):
    """Every chart of a treaty: the picture, what it shows, its numbers as a table and CSV."""
    try:
        code = pick_treaty(request.GET.get("treaty"))
    except BadTreaty as error:
        return _bad_request_page(request, error.message)
    lang = page_language()
    query = _query(code)
    charts = [chartdata.BUILDERS[slug](code) for slug in chartdata.CHARTS]
    return render(request, "pictures/charts.html", {
        "charts": [{"chart": chart,
                    "csv_url": reverse("chart_csv", args=[chart.slug]) + query,
                    "svg_url": reverse("chart_svg", args=[chart.slug]) + query}
                   for chart in charts],
        "treaties": [{"code": c, "name": current_register(c).treaty.titles(lang).name}
                     for c in held_treaties()],
        "map_treaty": code,
        "chart_treaty_name": current_register(code).treaty.titles(lang).name,
    })


def _chart(request, slug: str):
    if slug not in chartdata.BUILDERS:
        raise Http404(slug)
    return chartdata.BUILDERS[slug](pick_treaty(request.GET.get("treaty")))


@require_safe
@public
def chart_csv(request, slug: str):
    """A chart's numbers as CSV, with the same header as the table on the page."""
    try:
        chart = _chart(request, slug)
    except BadTreaty as error:
        return _bad_request_text(error.message)
    response = HttpResponse(chart.csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}.csv"'
    return response


@require_safe
@public
def chart_svg(request, slug: str):
    """A chart alone as an SVG file."""
    try:
        chart = _chart(request, slug)
    except BadTreaty as error:
        return _bad_request_text(error.message)
    return HttpResponse(chart.svg, content_type=SVG_TYPE)
