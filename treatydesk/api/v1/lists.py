"""``/obligations``, ``/notices`` and ``/meetings``: lists with cursor pagination."""


from ninja import Query, Router

from treatydesk.core.obligations import deadline_detail
from treatydesk.newsroom.meetings.models import MeetingPage
from treatydesk.newsroom.notices.models import NoticePage, notice_entries
from treatydesk.records.obligations.loading import current_obligations

from ..conditional import versioned
from ..pagination import DEFAULT_LIMIT, MAX_LIMIT, page
from ..schemas import Lang, ListPage, ProblemOut
from . import params

router = Router()
ERRORS = {304: None, 400: ProblemOut, 404: ProblemOut}


@router.get("/obligations", response={200: ListPage, **ERRORS}, tags=["lists"])
@versioned("obligations")
def obligations(
    request,
    treaty: str = Query("CCM", description="treaty code"),
    state: str | None = Query(None, description="ISO3 code"),
    as_of: str | None = params.date_param(),
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Every deadline of the treaty on ``as_of``: reports, destruction, clearance."""
    code = params.treaty(treaty).code
    day = params.day(as_of, "as_of")
    register = current_obligations(code)
    if state:
        deadlines = register.deadlines(params.state(state).iso3, day)
    else:
        deadlines = register.all_deadlines(day)
    rows = [deadline_detail(d) for d in deadlines]
    for row in rows:
        row["treaty"] = code
    rows.sort(key=_deadline_key)
    return page(request, rows, _deadline_key, cursor, limit)


def _deadline_key(row: dict) -> tuple:
    return (row["iso3"], row.get("key") or "", row["due_date"] or "", row.get("step") or 0)


def _page_key(row: dict) -> tuple:
    return (row["date"] or "", row["id"])


def _live(model, lang: str):
    return (model.objects.live().public().filter(locale__language_code__startswith=lang)
            .select_related("locale"))


@router.get("/notices", response={200: ListPage, **ERRORS}, tags=["lists"])
@versioned("pages")
def notices(request, lang: Lang = "en", state: str | None = None, cursor: str | None = None,
            limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)):
    """The published depositary notices in ``lang``, oldest first, each with the signed log's
    entry of the fact it announces (``log``, as a fact's in ``/treaties/{code}/events``)."""
    pages = _live(NoticePage, lang).select_related("source")
    if state:
        pages = pages.filter(source__state=params.state(state).iso3)
    pages = list(pages)
    entries = notice_entries(pages)
    rows = [{
        "id": p.pk, "title": p.title, "url": p.url or "", "lang": p.locale.language_code,
        "date": p.date.isoformat() if p.date else None, "text": p.text,
        "treaty": p.source.treaty if p.source else "", "iso3": p.source.state if p.source else "",
        "log": _entry(entries, p.pk),
    } for p in pages]
    rows.sort(key=_page_key)
    return page(request, rows, _page_key, cursor, limit)


def _entry(entries: dict, page_id: int) -> dict | None:
    entry = entries.get(page_id)
    return entry.as_dict() if entry else None


@router.get("/meetings", response={200: ListPage, **ERRORS}, tags=["lists"])
@versioned("pages")
def meetings(request, lang: Lang = "en", cursor: str | None = None,
             limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)):
    """The published meetings in ``lang``, by first day."""
    rows = [{
        "id": p.pk, "title": p.title, "url": p.url or "", "lang": p.locale.language_code,
        "kind": p.kind, "date": p.start_date.isoformat(), "end_date": p.end_date.isoformat(),
        "place": p.place, "summary": p.summary,
    } for p in _live(MeetingPage, lang)]
    rows.sort(key=_page_key)
    return page(request, rows, _page_key, cursor, limit)

