"""Public deadline pages and feeds, mounted under the language prefix (/en/, /fr/, /es/)."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("obligations/", views.obligations_index, name="obligations_index"),
    path("obligations/deadlines.csv", views.obligations_csv, name="obligations_csv"),
    path("obligations/deadlines.json", views.obligations_json, name="obligations_json"),
    path("obligations/deadlines.ics", views.obligations_ics, name="obligations_ics"),
    re_path(r"^states/(?P<iso3>[A-Za-z]{3})/deadlines\.ics$", views.state_ics,
            name="state_deadlines_ics"),
]
