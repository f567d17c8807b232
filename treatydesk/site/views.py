"""Small site-wide endpoints: the health check, robots.txt and the emblem."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe

from .pages import Branding

from treatydesk.ops.system.health import current_status, database_ok


@require_GET
@cache_control(no_store=True)
def healthz(request):
    """Answer the system's state as JSON: 200 when everything is ok, 503 otherwise.

    ``{"database", "worker", "scheduler", "queue", "oldest_task_s", "mail"}`` (see
    ``treatydesk.ops.system.health``). ``?scope=web`` asks about this app server alone (its
    database), for load balancers, which must not take every app server out of service
    because the worker is late.
    """
    if request.GET.get("scope") == "web":
        ok = database_ok()
        return JsonResponse({"database": "ok" if ok else "error"}, status=200 if ok else 503)
    status = current_status()
    return JsonResponse(status.as_json(), status=200 if status.healthy else 503)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=300, public=True)
def emblem(request):
    """Lead to the site's emblem (``/emblem`` and ``/favicon.ico``): the image chosen in the
    admin's settings, else the default SVG mark."""
    return redirect(Branding.for_request(request).image_url())
