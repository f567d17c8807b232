from django.urls import path, re_path

from . import views

urlpatterns = [
    path("log/checkpoint", views.checkpoint, name="log_checkpoint"),
    path("log/key", views.key, name="log_key"),
    re_path(r"^log/tile/(?P<path>.+)$", views.tile, name="log_tile"),
    path("log/proof/inclusion", views.inclusion, name="log_inclusion"),
    path("log/proof/consistency", views.consistency, name="log_consistency"),
]
