"""The OpenAPI document at ``/api/v1/openapi.json`` and the reference page built from it.

The reference page is plain HTML rendered by the site from the same document: no script, no
style sheet or font from another host, readable without JavaScript.
"""

import functools
import hashlib
import json

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .conditional import finish, not_modified
from .v1 import api


@functools.lru_cache(maxsize=1)
def openapi_document() -> tuple[bytes, str]:
    """Return the OpenAPI document as bytes and its ETag (the document changes with code)."""
    body = json.dumps(api.get_openapi_schema(path_prefix="/api/v1"), ensure_ascii=False,
                      indent=1).encode()
    return body, '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


@require_safe
def openapi_json(request):
    body, tag = openapi_document()
    if not_modified(request, tag, None):
        return finish(HttpResponse(status=304), tag, None)
    return finish(HttpResponse(body, content_type="application/json"), tag, None)


def _operations(schema: dict) -> list[dict]:
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            out.append({
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                     "description": p.get("description", "") or p.get("schema", {}).get(
                         "description", ""),
                     "type": _type(p.get("schema", {}))}
                    for p in operation.get("parameters", [])
                ],
                "responses": sorted(operation.get("responses", {})),
            })
    return out


def _type(schema: dict) -> str:
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}))}"
    return schema.get("format") or schema.get("type") or ""


@require_safe
def reference(request):
    schema = json.loads(openapi_document()[0])
    return render(request, "opendata/api_reference.html", {
        "info": schema.get("info", {}),
        "openapi_version": schema.get("openapi", ""),
        "operations": _operations(schema),
        "schemas": [
            {"name": name, "fields": [{"name": field, "type": _type(spec)}
                                      for field, spec in shape.get("properties", {}).items()]}
            for name, shape in sorted(schema.get("components", {}).get("schemas", {}).items())
        ],
    })
