"""``/states/{iso3}`` (one State across every treaty) and ``/panel`` (country-year panel)."""


from ninja import Query, Router

from treatydesk.core import opendata
from treatydesk.core import register as core
from treatydesk.core.obligations import deadline_detail
from treatydesk.records.facts.loading import current_register
from treatydesk.records.obligations.loading import current_obligations
from treatydesk.records.status.localize import country_name

from .. import resources
from ..conditional import versioned
from ..pagination import MAX_LIMIT, page
from ..problems import Problem
from ..schemas import Lang, PanelPage, ProblemOut, StateOut
from . import params

router = Router()
ERRORS = {304: None, 400: ProblemOut, 404: ProblemOut}
MAX_YEARS = 100
PANEL_LIMIT = 10_000


@router.get("/states/{iso3}", response={200: StateOut, **ERRORS}, tags=["states"])
@versioned("obligations")
def state_detail(request, iso3: str, as_of: str | None = params.date_param(), lang: Lang = "en"):
    """One State under every treaty: its status and its obligations on ``as_of``."""
    country = params.state(iso3)
    day = params.day(as_of, "as_of")
    treaties = []
    for code in core.treaty_codes():
        record = current_register(code).participant(country.iso3, day)
        deadlines = current_obligations(code).deadlines(country.iso3, day) if record else []
        treaties.append({
            "treaty": code,
            "participant": resources.participant(record, lang) if record else None,
            "obligations": [deadline_detail(d) for d in deadlines],
        })
    return {"iso3": country.iso3, "state": country_name(country.iso3, lang),
            "as_of": day.isoformat(), "treaties": treaties}


@router.get("/panel", response={200: PanelPage, **ERRORS}, tags=["panel"])
@versioned()
def panel(
    request,
    treaty: list[str] = Query(None, description="treaty code(s); repeat for several; "
                                                  "default: every treaty"),
    start: int = Query(..., alias="from", ge=1900, le=2199, description="first year"),
    end: int = Query(..., alias="to", ge=1900, le=2199, description="last year"),
    lang: Lang = "en",
    cursor: str | None = None,
    limit: int = Query(PANEL_LIMIT, ge=1, le=PANEL_LIMIT),
):
    """The country-year panel: one row per State of the site's universe per year, with its
    status on 31 December and the code of ``codes`` (0 none, 1 signatory, 2 deposited,
    3 bound)."""
    codes = sorted({params.treaty(code).code for code in (treaty or core.treaty_codes())})
    if end < start:
        raise Problem(f"to ({end}) is before from ({start})", param="to")
    if end - start >= MAX_YEARS:
        raise Problem(f"at most {MAX_YEARS} years per request", param="to")
    rows = resources.panel(codes, start, end, lang)
    result = page(request, rows, resources.panel_key, cursor, min(limit, MAX_LIMIT * 10))
    result["codes"] = {str(code): meaning for code, meaning in opendata.CODE_MEANINGS.items()}
    return result
