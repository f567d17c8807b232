"""ETag and Last-Modified from the register's version: a repeated request answered with 304.

Every resource depends on version tokens (the register's, per treaty, and for some the
obligations' or the published pages'); the ETag is a hash of those tokens and the request's
path and query. The tokens are read in one query before anything else, so a request whose
``If-None-Match`` matches gets ``304 Not Modified`` without reading a fact or computing a
register.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable

from django.http import HttpResponse
from django.utils.http import http_date, parse_http_date_safe

from treatydesk.records.facts.loading import register_versions
from treatydesk.records.log.signing import latest as latest_checkpoint

from .problems import Problem, problem_response

API_VERSION = "1"
MAX_AGE = 60


def _tokens(scope: str) -> tuple[tuple, float | None]:
    """Return the version tokens of ``scope`` and the latest change time (a timestamp)."""
    versions = register_versions()
    tokens: list = sorted((treaty, version) for treaty, (version, _) in versions.items())
    times = [changed.timestamp() for _, changed in versions.values() if changed]
    if scope in ("obligations", "pages", "log"):
        extra, when = _extra(scope)
        tokens.append(extra)
        if when:
            times.append(when)
    return tuple(tokens), (max(times) if times else None)


def _extra(scope: str) -> tuple:
    if scope == "log":
        signed = latest_checkpoint()
        return ("log", signed.size if signed else 0), (signed.at.timestamp() if signed else None)
    if scope == "obligations":
        from treatydesk.records.obligations.models import ObligationsVersion

        rows = sorted(ObligationsVersion.objects.values_list("treaty", "version"))
        return ("obligations", tuple(rows)), None
    from wagtail.models import Page

    latest = (Page.objects.live().public().order_by("-last_published_at")
              .values_list("last_published_at", flat=True).first())
    return ("pages", latest.isoformat() if latest else ""), (
        latest.timestamp() if latest else None)


def etag_for(request, tokens: tuple) -> str:
    """Return the strong ETag of ``request``'s resource given ``tokens``."""
    query = sorted(request.GET.lists())
    key = json.dumps([API_VERSION, request.path, query, tokens], default=str)
    return '"' + hashlib.blake2b(key.encode(), digest_size=12).hexdigest() + '"'


def _matches(header: str, tag: str) -> bool:
    if header.strip() == "*":
        return True
    return any(part.strip().removeprefix("W/") == tag for part in header.split(","))


def not_modified(request, tag: str, modified: float | None) -> bool:
    """Return True when the client's copy (If-None-Match, else If-Modified-Since) is current."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return _matches(if_none_match, tag)
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified is not None and int(modified) <= since


def finish(response: HttpResponse, tag: str, modified: float | None) -> HttpResponse:
    """Add the caching and CORS headers every API answer carries."""
    response["ETag"] = tag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
    return response


def json_response(data) -> HttpResponse:
    return HttpResponse(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                        content_type="application/json")


def versioned(scope: str = "register") -> Callable:
    """Decorate an API operation: answer 304 when current, else run it and add the headers.

    The operation returns JSON-ready data (or an ``HttpResponse``); ``Problem`` raised by it
    becomes a 400/404 problem document.
    """
    def decorate(operation):
        @functools.wraps(operation)
        def wrapper(request, *args, **kwargs):
            tokens, modified = _tokens(scope)
            tag = etag_for(request, tokens)
            if not_modified(request, tag, modified):
                return finish(HttpResponse(status=304), tag, modified)
            try:
                result = operation(request, *args, **kwargs)
            except Problem as problem:
                errors = [{"param": problem.param, "message": problem.detail}]
                return problem_response(request, problem.status, problem.detail, errors)
            response = result if isinstance(result, HttpResponse) else json_response(result)
            return finish(response, tag, modified)
        return wrapper
    return decorate
