"""Small site-wide endpoints: the health check and robots.txt."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from treatydesk.records.log.health import last_outcome


@require_GET
@cache_control(no_store=True)
def healthz(request):
    """Answer 200 when the app can reach its database, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    body = {"status": "ok"}
    log_check = last_outcome()  # the scheduler's check of the register log, once it has run
    if log_check is not None:
        body["register_log"] = "ok" if log_check["ok"] else "failing"
        body["register_log_checked"] = log_check["at"]
    return JsonResponse(body)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
