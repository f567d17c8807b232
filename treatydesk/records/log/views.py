"""The log over HTTP: checkpoint, key, tiles (c2sp.org/tlog-tiles) and JSON proofs.

Everything here is public and the same for every reader: no session, no language prefix.
Full tiles and full entry bundles never change and are served as immutable; partial ones and
the checkpoint change as the log grows.
"""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from treatydesk.core.transparency import TileError, consistency_proof, parse_tile_path

from . import proofs, store
from .signing import keystore, latest, sign_checkpoint_if_due

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=10"


def _outside_languages(request) -> None:
    """Keep Django's LocaleMiddleware from turning our 404s into redirects to /en/log/…/
    (it does so for any 404 whose path, with a language and a slash, some page would match):
    the log's paths have no language, and a missing tile must stay a 404."""
    request.urlconf = "treatydesk.records.log.urls"


def _text(body: str, cache: str, status: int = 200, request=None) -> HttpResponse:
    if status == 404 and request is not None:
        _outside_languages(request)
    response = HttpResponse(body, content_type="text/plain; charset=utf-8", status=status)
    response["Cache-Control"] = cache
    return response


def _error(message: str, status: int = 400, request=None) -> JsonResponse:
    if status == 404 and request is not None:
        _outside_languages(request)
    response = JsonResponse({"error": message}, status=status)
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def checkpoint(request):
    """The latest signed checkpoint (a signed note).

    A change waits at most a minute for its checkpoint: the scheduler signs when one is due,
    and so does this view, so that a reader never gets a checkpoint older than that even where
    no scheduler runs."""
    signed = sign_checkpoint_if_due() or latest()
    if signed is None:
        return _text("The register log has no signed checkpoint yet.\n", "no-cache", 404, request)
    return _text(signed.note, "no-cache")


@require_GET
def key(request):
    """The verifier keys, one ``vkey`` a line: the signing key first, then retired ones."""
    vkeys = [v.vkey for v in keystore().verifiers()]
    if not vkeys:
        return _text("The register log has no key yet.\n", "no-cache", 404, request)
    return _text("".join(v + "\n" for v in vkeys), SHORT)


@require_GET
def tile(request, path):
    """A tile or an entry bundle of the tree of the latest checkpoint."""
    try:
        wanted = parse_tile_path(path)
    except TileError as error:
        return _text(f"{error}\n", "no-cache", 404, request)
    signed = latest()
    data = store.tile_bytes(wanted, signed.size) if signed else None
    if data is None:
        return _text(f"The log has no tile/{path} yet.\n", "no-cache", 404, request)
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Cache-Control"] = SHORT if wanted.partial else IMMUTABLE
    return response


def _number(request, name: str) -> int | None:
    value = request.GET.get(name)
    if value is None or value == "":
        return None
    if not value.isdigit() or len(value) > 18:
        raise ValueError(f"{name}={value!r} is not a whole number")
    return int(value)


@require_GET
def inclusion(request):
    """JSON: the inclusion proof of an entry (``index=N``, or ``fact=ID`` for the latest entry
    about that fact) in the tree of the latest checkpoint, or of ``size=S`` up to it."""
    try:
        index, fact, size = (_number(request, n) for n in ("index", "fact", "size"))
        body = proofs.inclusion(index, fact, size)
    except proofs.ProofRequestError as error:
        return _error(str(error), error.status, request)
    except ValueError as error:
        return _error(str(error))
    if body["checkpoint"] is None:
        del body["checkpoint"]
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = SHORT
    return response


@require_GET
def consistency(request):
    """JSON: the consistency proof between tree sizes ``first`` and ``second``."""
    signed = latest()
    if signed is None:
        return _error("the log has no signed checkpoint yet", 404, request)
    try:
        first, second = _number(request, "first"), _number(request, "second")
    except ValueError as error:
        return _error(str(error))
    second = signed.size if second is None else second
    if first is None:
        return _error("give first=M (and second=N, by default the latest checkpoint's size)")
    if not first <= second <= signed.size:
        return _error(f"need first ≤ second ≤ {signed.size}, the latest checkpoint's size")
    proof = consistency_proof(store.DatabaseTree(), first, second)
    response = JsonResponse({"first": first, "second": second,
                             "proof": [proofs.b64(h) for h in proof]})
    response["Cache-Control"] = IMMUTABLE
    return response
