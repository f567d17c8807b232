"""DMARC reports in the Wagtail admin: a menu item, the overview and the upload."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_dmarc_urls():
    return [
        path("dmarc/", views.overview, name="dmarc_overview"),
        path("dmarc/upload/", views.upload, name="dmarc_upload"),
    ]


class DmarcMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("dmarc.view_report")


@hooks.register("register_admin_menu_item")
def register_dmarc_menu_item():
    return DmarcMenuItem(_("DMARC reports"), reverse("dmarc_overview"), icon_name="warning",
                         order=260)
