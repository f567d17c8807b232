"""Public views of the register: the states-parties list, its downloads, and a page per state.

The views are sessionless and cacheable: they read the cached computed register (one query to
check its version), never the session, and set ``Cache-Control: public, max-age=300``.
"""

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from treatydesk.core import register as core
from treatydesk.records.facts.export import participant_detail, rows_as_csv
from treatydesk.records.fragments import render_kept

from . import filters, table
from .asof import BadAsOf, as_of_notice, parse_as_of
from .explain import explain
from .localize import country_name, flag_label, kind_label, long_date, page_language, status_label
from .states import (
    GROUP_LABELS,
    NOT_A_SIGNATORY,
    NOT_A_SIGNATORY_LABEL,
    REGION_LABELS,
    UN_STATUS_LABELS,
    group_label,
    region_label,
    standings,
)
from .summary import counts_dict, data_coverage_note, notice_for, site_register, site_treaty

PUBLIC_MAX_AGE = 300

public = cache_control(public=True, max_age=PUBLIC_MAX_AGE)


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def _bad_as_of_page(request, error: BadAsOf):
    return render(request, "status/bad_request.html", {
        "message": error.message,
        "retry_url": reverse("states_parties"),
    }, status=400)


@require_safe
@public
def states_parties(request):
    """List every participant on a day (today by default), sorted as asked."""
    try:
        as_of = parse_as_of(request.GET.get("as_of"))
    except BadAsOf as error:
        return _bad_as_of_page(request, error)
    treaty = site_treaty()
    register = site_register()
    lang = page_language()
    key, descending = table.parse_sort(request.GET.get("sort"))
    chosen = filters.parse_filters(request.GET)
    rows = table.table_rows(register, as_of.date, lang, key, descending)
    if chosen.active:
        rows = filters.filtered_rows(rows, chosen, lang, key, descending)
    keep = "&".join(part for part in (as_of.query, chosen.query()) if part)
    return render(request, "status/states_parties.html", {
        "as_of": as_of,
        "as_of_notice": as_of_notice(as_of, treaty),
        "counts": register.counts(as_of.date),
        "rows": rows,
        "rows_html": table.rows_html(rows),
        "headers": table.header_links(key, descending, keep),
        "filters": chosen,
        "filter_options": filter_options(chosen),
        "sort": f"-{key}" if descending else key,
        "sort_is_default": key == table.DEFAULT_SORT and not descending,
        "csv_url": _with_query(reverse("states_parties_csv"), as_of.query),
        "json_url": _with_query(reverse("states_parties_json"), as_of.query),
        "treaty_entry_into_force": register.treaty_entry_into_force,
        "data_coverage": data_coverage_note(treaty, lang),
        "register": register,
    })


FILTER_CHOICES = {"status": "statuses", "region": "regions", "group": "groups"}


def filter_options(chosen: filters.Filters) -> dict:
    """Return each filter's ``<option>`` elements, the chosen one selected, rendered once per
    language and choice (a few dozen: ``parse_filters`` keeps only known codes)."""
    options = {}
    for field, choices in FILTER_CHOICES.items():
        value = getattr(chosen, field)
        options[field] = render_kept(
            "status/includes/filter_options.html", (field, value),
            lambda choices=choices, value=value: {"choices": filter_choices()[choices],
                                                  "chosen": value})
    return options


def filter_choices() -> dict:
    """Return the options of the list's filters, in the page's language."""
    return {
        "statuses": [(code, status_label(code)) for code in table.STATUS_ORDER]
        + [(NOT_A_SIGNATORY, str(NOT_A_SIGNATORY_LABEL))],
        "regions": [(code, str(label)) for code, label in REGION_LABELS.items()],
        "groups": [(code, str(label)) for code, label in GROUP_LABELS.items()],
    }


@require_safe
@public
def states_parties_csv(request):
    """Download the participants on a day as CSV, with the documented header."""
    try:
        as_of = parse_as_of(request.GET.get("as_of"))
    except BadAsOf as error:
        return HttpResponse(error.message + "\n", status=400,
                            content_type="text/plain; charset=utf-8")
    treaty = site_treaty()
    records = site_register().participants(as_of.date)
    response = HttpResponse(rows_as_csv(records), content_type="text/csv; charset=utf-8")
    filename = f"{treaty.code.lower()}-states-parties-{as_of.date.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@public
def states_parties_json(request):
    """Download the participants on a day as JSON, each with the rules behind its dates."""
    try:
        as_of = parse_as_of(request.GET.get("as_of"))
    except BadAsOf as error:
        return JsonResponse({"error": error.message}, status=400,
                            json_dumps_params={"ensure_ascii": False})
    treaty = site_treaty()
    register = site_register()
    eif = register.treaty_entry_into_force
    data = {
        "treaty": treaty.code,
        "title": treaty.title,
        "as_of": as_of.date.isoformat(),
        "entry_into_force": {
            "date": eif.date.isoformat() if eif.date else None,
            "rule": eif.rule, "article": eif.article, "basis": eif.basis,
        },
        "counts": counts_dict(register.counts(as_of.date)),
        "participants": [participant_detail(r) for r in register.participants(as_of.date)],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )


@require_safe
@public
def state_detail(request, iso3: str):
    """Show one state's timeline, with the rule and article behind every computed date."""
    if iso3 != iso3.upper():
        return redirect("state_detail", iso3=iso3.upper(), permanent=True)
    register = site_register()
    day = parse_as_of(None).date
    record = register.participant(iso3, day)
    lang = page_language()
    if record is None:
        return _state_outside(request, iso3, day, lang)
    treaty = register.treaty
    notice, notice_lang = notice_for(treaty, record, lang, day)
    events = [_event(event, lang, treaty) for event in register.timeline(iso3)]
    return render(request, "status/state_detail.html", {
        "record": record,
        "name": country_name(record.state, lang, record.state_name),
        "depositary_name": record.state_name,
        "today": day,
        "status_text": status_label(record.status, record),
        "eif": _explained(record.entry_into_force, lang, treaty.later_states.rule),
        "withdrawal": _explained(record.withdrawal_effective, lang, treaty.withdrawal.rule),
        "data_coverage": data_coverage_note(treaty, lang),
        "instrument_kind": kind_label(record.instrument.kind) if record.instrument else "",
        "tied_with": [country_name(code, lang, name) for code, name in
                      zip(record.ordinal_tied_with, record.ordinal_tied_with_names, strict=False)],
        "flags": [flag_label(flag) for flag in record.flags],
        "notice": notice,
        "notice_lang": notice_lang,
        "events": events,
        "standings": standings(iso3, day),
    })


def _state_outside(request, iso3: str, day, lang: str):
    """Show a State of the universe that has not signed or joined the site's treaty."""
    known = core.universe_state(iso3)
    if known is None:
        raise Http404(_("No State with the code %(code)s is in the register.") % {"code": iso3})
    return render(request, "status/state_outside.html", {
        "iso3": iso3,
        "name": country_name(iso3, lang),
        "today": day,
        "un_status": str(UN_STATUS_LABELS[known.un_status]),
        "region": region_label(known.m49_region),
        "group": group_label(known.regional_group),
        "standings": standings(iso3, day),
    })


EVENT_LABELS = {
    "entry_into_force": gettext_lazy("Entry into force for the State"),
    "withdrawal_effective": gettext_lazy("Withdrawal takes effect"),
}


def _explained(computed, lang: str, period) -> dict | None:
    """Return a computed date with its rule and arithmetic in the page's language."""
    if computed is None:
        return None
    rule, basis = explain(computed, lang, period=period)
    return {"date": computed.date, "article": computed.article, "rule": rule, "basis": basis}


def _event(event, lang: str, treaty) -> dict:
    """Return a timeline event ready for the template.

    A fact shows its labelled sources and its public note only: the internal note (the
    keeper's remark, after ``|| NOTE:`` in the data files) never reaches the page.
    """
    fact = event.fact
    label = EVENT_LABELS.get(event.kind)
    period = treaty.withdrawal.rule if event.kind == "withdrawal_effective" else (
        treaty.later_states.rule)
    return {
        "date": event.date,
        "date_text": long_date(event.date, lang),
        "label": str(label) if label else kind_label(event.kind),
        "computed": _explained(event.computed, lang, period),
        "fact": fact,
        "sources": core.parse_citations(fact.source, fact.cn_reference) if fact else [],
        "public_note": fact.public_note if fact else "",
    }
