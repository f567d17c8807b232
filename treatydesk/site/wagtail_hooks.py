"""The admin's report of pages without a translation, under Reports, and its dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .untranslated import UntranslatedPagesView, UntranslatedPanel


@hooks.register("register_admin_urls")
def register_untranslated_urls():
    return [
        path("reports/untranslated/", UntranslatedPagesView.as_view(),
             name="untranslated_pages"),
        path("reports/untranslated/results/", UntranslatedPagesView.as_view(results_only=True),
             name="untranslated_pages_results"),
    ]


def keeps_pages(user) -> bool:
    return PagePermissionPolicy(Page).user_has_any_permission(user, ["add", "change", "publish"])


class UntranslatedMenuItem(MenuItem):
    def is_shown(self, request):
        return keeps_pages(request.user)


@hooks.register("register_reports_menu_item")
def register_untranslated_menu_item():
    return UntranslatedMenuItem(_("Pages without a translation"), reverse("untranslated_pages"),
                                name="untranslated-pages", icon_name="globe", order=1150)


@hooks.register("construct_homepage_panels")
def add_untranslated_panel(request, panels):
    if keeps_pages(request.user):
        panels.append(UntranslatedPanel())
