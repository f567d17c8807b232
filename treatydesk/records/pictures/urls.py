"""The pictures' pages and files, mounted under the language prefix (/en/, /fr/, /es/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("map/", views.map_page, name="map_page"),
    path("map.svg", views.map_svg, name="map_svg"),
    path("map.png", views.map_png, name="map_png"),
    path("charts/", views.charts_page, name="charts_page"),
    path("charts/<slug:slug>.csv", views.chart_csv, name="chart_csv"),
    path("charts/<slug:slug>.svg", views.chart_svg, name="chart_svg"),
]
