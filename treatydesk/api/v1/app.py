"""The ``NinjaAPI`` of version 1: its error handlers and its OpenAPI document.

django-ninja because it ships with the project already (Wagtail's API needs none of DRF's
machinery here), types every parameter with pydantic, and generates an OpenAPI 3.1 document
from the operations, so the documentation cannot drift from the code. Its own docs page
(Swagger UI) is off: the site serves a plain reference page built from the same document
(``treatydesk/api/docs.py``), with no script and no third-party request.
"""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from ..problems import PROBLEM_TYPE, problem_response, validation_errors
from . import lists, log, states, treaties


class OpenDataAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Return the document with problem responses typed ``application/problem+json``."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    if str(status).startswith(("4", "5")) and "content" in response:
                        response["content"] = {PROBLEM_TYPE: response["content"].popitem()[1]}
        return schema


api = OpenDataAPI(
    title="Treaty Desk open data",
    version="1",
    description=(
        "Read-only API of the register: treaties, every participant's status on any date, "
        "every recorded fact with its depositary notification, counts over time, each State "
        "across treaties, the country-year panel, obligations, notices and meetings. "
        "Responses carry an ETag and Last-Modified from the register's version; errors are "
        "RFC 9457 problem documents."
    ),
    urls_namespace="api_v1",
    docs_url=None,
    openapi_url=None,
)


for module in (treaties, states, lists, log):
    api.add_router("", module.router)


@api.exception_handler(ValidationError)
def _invalid(request, error):
    errors = validation_errors(error.errors)
    detail = "; ".join(f"{e['param'] or 'request'}: {e['message']}" for e in errors)
    return problem_response(request, 400, detail or "invalid parameters", errors)


@api.exception_handler(Http404)
def _not_found(request, error):
    return problem_response(request, 404, str(error) or "no such resource")


@api.exception_handler(HttpError)
def _http_error(request, error):
    return problem_response(request, error.status_code, str(error))


