"""``/api/v1/`` (the API, its OpenAPI document and reference page) and ``/data/releases/``."""

from django.urls import path

from . import docs
from .releases import views as release_views
from .v1 import api

urlpatterns = [
    path("api/v1/openapi.json", docs.openapi_json, name="api_openapi"),
    path("api/v1/docs", docs.reference, name="api_reference"),
    path("api/v1/", api.urls),
    path("data/releases/<str:version>/", release_views.release_index, name="release_index"),
    path("data/releases/<str:version>/<path:name>", release_views.release_file,
         name="release_file"),
]
