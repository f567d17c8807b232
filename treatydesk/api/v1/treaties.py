"""``/treaties``: the definitions, every participant's status, the facts and the counts."""

from typing import Literal

from ninja import Query, Router

from treatydesk.core import opendata
from treatydesk.core import register as core

from .. import resources
from ..conditional import versioned
from ..pagination import DEFAULT_LIMIT, MAX_LIMIT, page
from ..problems import Problem
from ..schemas import (
    CountsSeriesOut,
    EventPage,
    Lang,
    ProblemOut,
    StatusOut,
    TreatyDetail,
    TreatySummary,
)
from . import params

router = Router()
ERRORS = {304: None, 400: ProblemOut, 404: ProblemOut}
FactKindName = Literal[tuple(str(kind) for kind in core.FactKind)]


@router.get("/treaties", response={200: list[TreatySummary], **ERRORS}, tags=["treaties"])
@versioned()
def list_treaties(request, lang: Lang = "en"):
    """Every treaty the site keeps a register of."""
    return [resources.treaty_summary(core.load_treaty(code), lang)
            for code in core.treaty_codes()]


@router.get("/treaties/{code}", response={200: TreatyDetail, **ERRORS}, tags=["treaties"])
@versioned()
def treaty_detail(request, code: str, lang: Lang = "en"):
    """A treaty's definition: its rules with their articles, entry into force, coverage."""
    return resources.treaty_detail(params.treaty(code), lang)


@router.get("/treaties/{code}/status", response={200: StatusOut, **ERRORS}, tags=["treaties"])
@versioned()
def treaty_status(request, code: str, as_of: str | None = params.date_param(),
                  lang: Lang = "en"):
    """Every participant's status on ``as_of`` (default today), with the rule behind each
    computed date. The same computation as ``treatydesk status`` and the States Parties page."""
    treaty = params.treaty(code)
    return resources.status(treaty.code, params.day(as_of, "as_of"), lang)


@router.get("/treaties/{code}/events", response={200: EventPage, **ERRORS}, tags=["treaties"])
@versioned()
def treaty_events(
    request, code: str,
    state: list[str] = Query(None, description="ISO3 code(s); repeat for several"),
    kind: list[FactKindName] = Query(None, description="fact kind(s); repeat for several"),
    start: str | None = params.date_param(alias="from"),
    end: str | None = params.date_param(alias="to"),
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Every recorded fact — signature, each instrument kind, provisional application,
    withdrawal notified, effective or held — with its C.N. reference and sources, ordered by
    date then State."""
    treaty = params.treaty(code)
    first = params.day(start, "from") if start else None
    last = params.day(end, "to") if end else None
    rows = resources.events(treaty.code, states=state or None, kinds=kind or None,
                            start=first, end=last)
    return page(request, rows, opendata.event_sort_key, cursor, limit)


@router.get("/treaties/{code}/counts", response={200: CountsSeriesOut, **ERRORS},
         tags=["treaties"])
@versioned()
def treaty_counts(
    request, code: str,
    start: str | None = params.date_param("YYYY-MM-DD; default: adoption", "from"),
    end: str | None = params.date_param("YYYY-MM-DD; default: today", "to"),
    step: opendata.Step = opendata.Step.YEAR,
):
    """Parties and signatories on each step from ``from`` to ``to``."""
    treaty = params.treaty(code)
    first = params.day(start, "from", treaty.adopted_on)
    last = params.day(end, "to")
    if last < first:
        raise Problem(f"to ({last}) is before from ({first})", param="to")
    try:
        items = resources.counts(treaty.code, first, last, step)
    except opendata.SeriesTooLong as error:
        raise Problem(str(error), param="step") from None
    return {"treaty": treaty.code, "step": str(step), "items": items}
