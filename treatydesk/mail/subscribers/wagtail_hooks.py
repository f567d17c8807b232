"""Subscribers in the Wagtail admin: read-only lists, with each subscriber's consent history.

Subscribers change their own consent (sign-up, confirmation, one click); the admin shows it and
does not edit it, so that every change stays in the consent record.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Bounce, ConsentRecord, Subscriber, SubscriberStatus
from .tasks import send_confirmation_again


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Allow viewing only."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(
            user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


for _model in (Subscriber, ConsentRecord, Bounce):
    register_permission_policy(_model, ReadOnlyPolicy(_model))


class ReadOnlyViewSet(ModelViewSet):
    inspect_view_enabled = True
    form_fields = []

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns()
                if p.name in {"index", "index_results", "inspect"}]


class SubscriberIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == SubscriberStatus.PENDING:
            buttons.append(MenuItem(_("Send the confirmation again"), icon_name="mail",
                                    url=reverse("subscriber_send_confirmation",
                                                args=[instance.pk]), priority=30))
        return buttons


def send_confirmation_view(request, pk):
    """Ask, then queue a new confirmation message for a subscriber who has not confirmed."""
    if not request.user.has_perm("subscriptions.view_subscriber"):
        raise PermissionDenied
    subscriber = get_object_or_404(Subscriber, pk=pk)
    if request.method == "POST":
        if send_confirmation_again(subscriber):
            messages.success(request, _("A new confirmation message to %(email)s is on its "
                                        "way.") % {"email": subscriber.email})
        else:
            messages.error(request, _("%(email)s is not waiting for confirmation.")
                           % {"email": subscriber.email})
        return redirect("subscribers:index")
    return TemplateResponse(request, "subscriptions/admin/send_confirmation.html",
                            {"subscriber": subscriber})


@hooks.register("register_admin_urls")
def register_send_confirmation_url():
    return [path("subscribers/<int:pk>/send-confirmation/", send_confirmation_view,
                 name="subscriber_send_confirmation")]


class SubscriberViewSet(ReadOnlyViewSet):
    model = Subscriber
    index_view_class = SubscriberIndexView
    icon = "user"
    list_display = ["email", "language", "status", "notices", "news", "meetings",
                    "confirmed_at"]
    list_filter = ["status", "language", "notices", "news", "meetings"]
    search_fields = ["email"]
    inspect_view_fields = ["email", "language", "status", "notices", "news", "meetings",
                           "created_at", "confirmed_at", "unsubscribed_at", "hard_bounces"]


class ConsentRecordViewSet(ReadOnlyViewSet):
    model = ConsentRecord
    icon = "doc-full"
    list_display = ["at", "subscriber", "action", "language", "source"]
    list_filter = ["action", "language"]
    search_fields = ["subscriber__email", "source"]


class BounceViewSet(ReadOnlyViewSet):
    model = Bounce
    icon = "warning"
    list_display = ["received_at", "address", "kind", "status", "message_id"]
    list_filter = ["kind"]
    search_fields = ["address", "message_id"]


class SubscriptionsGroup(ViewSetGroup):
    menu_label = Subscriber._meta.verbose_name_plural
    menu_icon = "user"
    menu_order = 240
    items = (SubscriberViewSet("subscribers"), ConsentRecordViewSet("consent_records"),
             BounceViewSet("bounces"))


@hooks.register("register_admin_viewset")
def register_subscriptions_viewsets():
    return SubscriptionsGroup()
