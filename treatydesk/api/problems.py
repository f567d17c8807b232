"""Errors of the API as RFC 9457 problem documents (``application/problem+json``)."""

import json

from django.http import HttpResponse

PROBLEM_TYPE = "application/problem+json"
CORS = {"Access-Control-Allow-Origin": "*"}
TITLES = {400: "Bad request", 404: "Not found", 500: "Internal error"}


class Problem(Exception):
    """Raised by an operation for a request it cannot answer; becomes a problem document.

    ``param`` names the query or path parameter at fault (reported in ``errors``).
    """

    def __init__(self, detail: str, status: int = 400, param: str = ""):
        super().__init__(detail)
        self.detail, self.status, self.param = detail, status, param


def problem_response(request, status: int, detail: str, errors: list[dict] | None = None):
    """Return the problem document for ``request`` (``type`` is ``about:blank``, RFC 9457)."""
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": request.get_full_path(),
        "errors": errors or [],
    }
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status,
                            content_type=PROBLEM_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-cache"
    return response


def validation_errors(errors) -> list[dict]:
    """Return pydantic/ninja validation errors as ``{"param", "message"}`` entries."""
    out = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
        out.append({"param": ".".join(loc), "message": str(error.get("msg", "invalid value"))})
    return out
