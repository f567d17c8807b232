"""Subscribers in the Wagtail admin: read-only lists, with each subscriber's consent history.

Subscribers change their own consent (sign-up, confirmation, one click); the admin shows it and
does not edit it, so that every change stays in the consent record.
"""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Bounce, ConsentRecord, Subscriber


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


class SubscriberViewSet(ReadOnlyViewSet):
    model = Subscriber
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
