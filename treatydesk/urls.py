"""URLs: the editors' admin, then the public site under a language prefix (/en/, /fr/, /es/)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from treatydesk.media import views as media_views
from treatydesk.newsroom.search import views as discovery_views
from treatydesk.security.accounts import views as accounts_views
from treatydesk.site import views as home_views

urlpatterns = [
    # Before the admin's own: a logout ends the session on the server, or changes nothing.
    path("admin/logout/", accounts_views.logout_view, name="accounts_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("emblem", home_views.emblem, name="emblem"),
    path("favicon.ico", home_views.emblem, name="favicon"),
    path("sitemap.xml", discovery_views.sitemap, name="sitemap"),
    path("media/images/<path:path>", media_views.rendition, name="image_rendition"),
    path("", include("treatydesk.api.urls")),
    path("", include("treatydesk.records.log.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("treatydesk.records.status.urls")),
    path("", include("treatydesk.records.pictures.urls")),
    path("search/", discovery_views.search, name="search"),
    path("", include("treatydesk.newsroom.notices.urls")),
    path("", include("treatydesk.newsroom.meetings.urls")),
    path("", include("treatydesk.api.i18n_urls")),
    path("", include("treatydesk.newsroom.news.urls")),
    path("", include("treatydesk.records.obligations.urls")),
    path("", include("treatydesk.mail.subscribers.urls")),
    path("", include("treatydesk.mail.verification.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
