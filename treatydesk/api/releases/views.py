"""The data page (``/<lang>/data/``) and the release files at permanent URLs.

``/data/releases/<version>/<file>`` is immutable (``Cache-Control: immutable``);
``/data/releases/latest/…`` redirects to the newest version's URL, so a citation of the
alias resolves to a version one can cite.
"""

import json
import mimetypes

from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from . import signedlog, store

IMMUTABLE = "public, max-age=31536000, immutable"


def _files(version: str) -> list[str]:
    folder = store.release_dir(version)
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def _latest_redirect(request, name: str = ""):
    latest = store.latest()
    if latest is None:
        raise Http404("no release has been made yet")
    if name:
        target = reverse("release_file", kwargs={"version": latest, "name": name})
    else:
        target = reverse("release_index", kwargs={"version": latest})
    response = HttpResponseRedirect(target)
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def release_index(request, version: str):
    """List the files of a release (JSON)."""
    if version == store.LATEST:
        return _latest_redirect(request)
    if store.release_dir(version) is None:
        raise Http404("no such release")
    response = JsonResponse({"version": version, "files": [
        reverse("release_file", kwargs={"version": version, "name": name})
        for name in _files(version)]})
    response["Cache-Control"] = IMMUTABLE
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def release_file(request, version: str, name: str):
    if version == store.LATEST:
        return _latest_redirect(request, name)
    path = store.release_file(version, name)
    if path is None:
        raise Http404("no such file in this release")
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix in (".csv", ".json", ".cff"):
        kind = {".csv": "text/csv", ".json": "application/json",
                ".cff": "text/plain"}[path.suffix] + "; charset=utf-8"
    elif name in (signedlog.CHECKPOINT_FILE, signedlog.KEY_FILE):
        kind = "text/plain; charset=utf-8"
    response = FileResponse(path.open("rb"), content_type=kind)
    response["Cache-Control"] = IMMUTABLE
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@cache_control(public=True, max_age=300)
def data_page(request):
    """The open-data page: the API, the latest release's files, every release."""
    releases = list(reversed(store.versions()))
    latest = releases[0] if releases else None
    changelog = None
    if latest:
        path = store.release_file(latest, "changelog.json")
        changelog = json.loads(path.read_text(encoding="utf-8")) if path else None
    return render(request, "opendata/data.html", {
        "releases": releases,
        "latest": latest,
        "files": _files(latest) if latest else [],
        "changes": {code: {k: len(v) for k, v in c.items() if k != "treaty"}
                    for code, c in (changelog or {}).get("treaties", {}).items()},
    })
