"""Public views of the deadlines: the list with filters, its CSV and JSON, iCalendar feeds.

Sessionless and cacheable like the register's pages: they read the cached deadlines register
(two indexed queries to check its versions) and set ``Cache-Control: public``.
"""

import dataclasses
import datetime as dt
import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from treatydesk.core import clock
from treatydesk.core import obligations as core
from treatydesk.records.status.localize import long_date, page_language, treaty_title
from treatydesk.records.status.summary import site_treaty

from . import conf, summary
from .filters import BadFilter, parse_filters
from .loading import current_obligations
from .present import coverage_note, deadline_row, obligation_label, status_label

PUBLIC_MAX_AGE = 300

public = cache_control(public=True, max_age=PUBLIC_MAX_AGE)


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def _deadlines(request):
    """Return (treaty, obligations register, filters, filtered deadlines) for a request."""
    treaty = site_treaty()
    obligations = current_obligations(treaty.code)
    filters = parse_filters(request.GET, tuple(str(k) for k in obligations.rules.kinds))
    deadlines = [d for d in obligations.all_deadlines(filters.as_of.date) if filters.keep(d)]
    return treaty, obligations, filters, deadlines


PAGE_SIZE = 50


@require_safe
@public
def obligations_index(request):
    """Summarise every State Party's deadlines on a day (by obligation and year, by State),
    then list the filtered detail a page at a time; the full list is in the downloads."""
    try:
        treaty, obligations, filters, deadlines = _deadlines(request)
        page = _page_number(request.GET.get("page"), len(deadlines))
    except BadFilter as error:
        return render(request, "status/bad_request.html", {
            "message": error.message, "retry_url": reverse("obligations_index"),
        }, status=400)
    lang = page_language()
    day = filters.as_of.date
    everything = obligations.all_deadlines(day)
    # The counts follow every filter but the status, so each links to its share of the list.
    unfiltered_status = dataclasses.replace(filters, status="")
    counts = {str(status): 0 for status in core.DeadlineStatus}
    for deadline in everything:
        if unfiltered_status.keep(deadline):
            counts[str(deadline.status)] += 1
    base_query = unfiltered_status.query
    rates = obligations.on_time_rates(day, obligation=filters.obligation or None)
    pages = max(1, -(-len(deadlines) // PAGE_SIZE))
    shown = deadlines[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    return render(request, "obligations/index.html", {
        "filters": filters,
        "as_of": filters.as_of,
        "rows": [deadline_row(d, lang, obligations.rules) for d in shown],
        "total": len(deadlines),
        "page": page,
        "pages": pages,
        "page_links": _page_links(filters.query, page, pages),
        "counts": [
            {"status": status, "label": status_label(status), "n": n,
             "href": "?" + "&".join(filter(None, [base_query, f"status={status}"])),
             "current": status == filters.status}
            for status, n in counts.items() if n or status == filters.status
        ],
        "by_obligation": summary.by_obligation_and_year(everything, unfiltered_status),
        "by_state": summary.by_state(everything, unfiltered_status, day, lang),
        "rates": [{"year": r.year, "fell_due": r.fell_due, "on_time": r.on_time, "late": r.late,
                   "overdue": r.overdue, "no_record": r.no_record,
                   "percent": None if r.rate is None else round(100 * r.rate)} for r in rates],
        "coverage": coverage_note(obligations.rules.coverage, lang),
        "obligation_choices": [(str(k), obligation_label(k)) for k in obligations.rules.kinds],
        "status_choices": [(str(s), status_label(s)) for s in core.DeadlineStatus],
        "year_choices": sorted({d.due.date.year for d in everything}),
        "rules": [{"label": obligation_label(rule.kind), "article": rule.article,
                   "text": rule.text, "paraphrase": rule.paraphrase,
                   "extension": rule.extension} for rule in obligations.rules.rules],
        "csv_url": _with_query(reverse("obligations_csv"), filters.query),
        "json_url": _with_query(reverse("obligations_json"), filters.query),
        "ics_url": reverse("obligations_ics"),
        "day_text": long_date(day, lang),
        "treaty_name": treaty_title(treaty),
    })


def _page_number(value: str | None, total: int) -> int:
    """Return the page asked for (1 by default), or raise BadFilter naming the pages there are."""
    pages = max(1, -(-total // PAGE_SIZE))
    if not value:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= pages:
        raise BadFilter(_("“%(value)s” is not a page of this list: give a number from 1 to "
                          "%(pages)s.") % {"value": value[:20], "pages": pages})
    return int(value)


def _page_links(query: str, page: int, pages: int) -> list[dict]:
    """Return the links to the first, previous, next and last pages of the detail."""
    def href(n: int) -> str:
        return "?" + "&".join(filter(None, [query, f"page={n}" if n > 1 else ""])) + "#list"

    wanted = sorted({1, page - 1, page, page + 1, pages} & set(range(1, pages + 1)))
    return [{"n": n, "href": href(n), "current": n == page} for n in wanted]


def _bad_download(error: BadFilter, as_json: bool = False):
    if as_json:
        return JsonResponse({"error": error.message}, status=400,
                            json_dumps_params={"ensure_ascii": False})
    return HttpResponse(error.message + "\n", status=400, content_type="text/plain; charset=utf-8")


@require_safe
@public
def obligations_csv(request):
    """Download the deadlines (with the same filters) as CSV, with the documented header."""
    try:
        treaty, _register, filters, deadlines = _deadlines(request)
    except BadFilter as error:
        return _bad_download(error)
    body = core.deadlines_csv(deadlines, _register.rules.coverage)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    filename = f"{treaty.code.lower()}-deadlines-{filters.as_of.date.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@public
def obligations_json(request):
    """Download the deadlines as JSON: each with its rule, original date and decisions."""
    try:
        treaty, obligations, filters, deadlines = _deadlines(request)
    except BadFilter as error:
        return _bad_download(error, as_json=True)
    rates = obligations.on_time_rates(filters.as_of.date, obligation=filters.obligation or None)
    data = {
        "treaty": treaty.code,
        "as_of": filters.as_of.date.isoformat(),
        "filters": {"obligation": filters.obligation or None, "status": filters.status or None,
                    "year": filters.year, "state": filters.state or None},
        "records": coverage_note(obligations.rules.coverage, "en"),
        "deadlines": [core.deadline_detail(d, obligations.rules.coverage) for d in deadlines],
        "on_time_rates": [{"year": r.year, "fell_due": r.fell_due, "on_time": r.on_time,
                           "late": r.late, "overdue": r.overdue, "rate": r.rate} for r in rates],
    }
    return HttpResponse(json.dumps(data, ensure_ascii=False, indent=1),
                        content_type="application/json; charset=utf-8")


#: The treaty-wide feed holds the deadlines due from this many days ago on (a subscriber's
#: calendar, not the archive: every deadline is in the CSV and JSON downloads).
FEED_DAYS_BACK = 365


def _calendar(request, treaty, deadlines, name: str, coverage,
              description: str = "") -> HttpResponse:
    def state_page(deadline):
        return request.build_absolute_uri(reverse("state_detail", args=[deadline.state]))

    body = core.deadlines_ics(
        deadlines, treaty=treaty.code, name=name, domain=conf.calendar_domain(),
        stamp=timezone.now().replace(microsecond=0), url_for=state_page, coverage=coverage,
        description=description,
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@require_safe
@public
def obligations_ics(request):
    """Subscribe to every State Party's deadlines (RFC 5545, one all-day event each)."""
    treaty = site_treaty()
    obligations = current_obligations(treaty.code)
    today = clock.today()
    since = today - dt.timedelta(days=FEED_DAYS_BACK)
    deadlines = [d for d in obligations.all_deadlines(today) if d.due.date >= since]
    name = _("%(treaty)s: deadlines of the States Parties") % {"treaty": treaty.code}
    description = (f"Deadlines due from {since.isoformat()} on; every deadline is in the "
                   "CSV and JSON downloads.")
    return _calendar(request, treaty, deadlines, name, obligations.rules.coverage, description)


@require_safe
@public
def state_ics(request, iso3: str):
    """Subscribe to one State's deadlines."""
    if iso3 != iso3.upper():
        return redirect("state_deadlines_ics", iso3=iso3.upper(), permanent=True)
    treaty = site_treaty()
    obligations = current_obligations(treaty.code)
    if iso3 not in obligations.register.states:
        raise Http404(_("No State with the code %(code)s is in the register.") % {"code": iso3})
    deadlines = obligations.deadlines(iso3, clock.today())
    record = obligations.register.participant(iso3, clock.today())
    state_name = record.state_name if record is not None else iso3
    name = _("%(treaty)s: deadlines of %(state)s") % {"treaty": treaty.code, "state": state_name}
    return _calendar(request, treaty, deadlines, name, obligations.rules.coverage)
