"""Sign-up, confirmation, preferences and unsubscribe URLs, under the language prefix."""

from django.urls import path

from . import views

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="subscription_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("subscription/<str:token>/", views.preferences, name="subscription_preferences"),
]
