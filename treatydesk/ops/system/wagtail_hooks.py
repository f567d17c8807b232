"""The system in the Wagtail admin: a banner on every page when a process or the queue is late,
the same state as a dashboard panel, and the Outbox (superusers: it holds people's addresses and
their confirmation links)."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views
from .health import current_status


@hooks.register("insert_global_admin_js")
def system_banner():
    """Say on every admin page that mail, search and scheduled publishing are not running."""
    status = current_status()
    late = status.late_processes
    if not late and not status.queue_late:
        return ""
    return render_to_string("system/banner.html", {"status": status, "late": late})


class SystemPanel(Component):
    name = "system_status"
    order = 50
    template_name = "system/panel.html"

    def get_context_data(self, parent_context=None):
        return {"status": current_status()}


@hooks.register("construct_homepage_panels")
def add_system_panel(request, panels):
    panels.insert(0, SystemPanel())


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("outbox/", views.outbox_list, name="system_outbox"),
        path("outbox/<str:key>/", views.outbox_message, name="system_outbox_message"),
        path("outbox/<str:key>/source/", views.outbox_source, name="system_outbox_source"),
    ]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return views.uses_outbox() and request.user.is_superuser


@hooks.register("register_admin_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(_("Outbox"), reverse("system_outbox"), icon_name="mail", order=265)
