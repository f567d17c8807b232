"""Admin integration of the notices: audit-log actions and the dashboard's review list."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import NoticePage


@hooks.register("register_log_actions")
def register_notice_log_actions(actions):
    actions.register_action("treatydesk.notices.drafted", _("Draft notice"),
                            _("Drafted from the register"))
    actions.register_action("treatydesk.notices.redrafted", _("Redraft notice"),
                            _("Redrafted after a change in the register"))
    actions.register_action("treatydesk.notices.flagged", _("Flag notice for review"),
                            _("Flagged for review after a change in the register"))


class NoticesToReviewPanel(Component):
    """The dashboard's list of notices flagged for review and of drafts awaiting publication."""

    name = "notices_to_review"
    template_name = "notices/admin/notices_to_review.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        flagged = (NoticePage.objects.filter(needs_review=True)
                   .select_related("locale", "source").order_by("-date")[:20])
        drafts = (NoticePage.objects.filter(live=False, needs_review=False)
                  .select_related("locale").order_by("-date")[:20])
        context.update({"flagged": flagged, "drafts": drafts})
        return context


@hooks.register("construct_homepage_panels")
def add_notices_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(NoticesToReviewPanel())
