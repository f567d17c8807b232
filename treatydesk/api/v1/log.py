"""``/log/inclusion``: a fact's log entry and its inclusion proof against a signed checkpoint.

Each fact the API lists (``/treaties/{code}/events``) names its entry in the register's signed
log (``log``: index, leaf hash, the address of this operation); this answers with the entry,
its RFC 9162 audit path and the checkpoint it proves against (docs/transparency.md).
"""

from ninja import Query, Router

from treatydesk.records.log import proofs

from ..conditional import versioned
from ..problems import Problem
from ..schemas import InclusionProofOut, ProblemOut

router = Router()
ERRORS = {304: None, 400: ProblemOut, 404: ProblemOut}
MAX_INDEX = 2 ** 62


@router.get("/log/inclusion", response={200: InclusionProofOut, **ERRORS}, tags=["log"])
@versioned("log")
def log_inclusion(
    request,
    index: int = Query(..., ge=0, le=MAX_INDEX, description="the entry's index in the log"),
    size: int | None = Query(None, ge=1, le=MAX_INDEX,
                             description="the tree size to prove against; default: the "
                                         "latest signed checkpoint's"),
):
    """The entry ``index`` of the register's signed log, its leaf hash (SHA-256 of 0x00 and
    the entry, base64), its inclusion proof (RFC 9162 audit path, base64 hashes, leaf to
    root) in the tree of ``size`` entries, and the signed checkpoint of that tree when it is
    the latest."""
    try:
        return proofs.inclusion(index=index, size=size)
    except proofs.ProofRequestError as error:
        raise Problem(str(error), status=error.status,
                      param="size" if "size=" in str(error) else "index") from None
