"""The open-data page, under the language prefix (/en/data/, /fr/data/, /es/data/)."""

from django.urls import path

from .releases import views

urlpatterns = [path("data/", views.data_page, name="open_data")]
