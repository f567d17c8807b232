"""Public register pages, mounted under the language prefix (/en/, /fr/, /es/)."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("states-parties/", views.states_parties, name="states_parties"),
    path("states-parties.csv", views.states_parties_csv, name="states_parties_csv"),
    path("states-parties.json", views.states_parties_json, name="states_parties_json"),
    re_path(r"^states/(?P<iso3>[A-Za-z]{3})/$", views.state_detail, name="state_detail"),
]
