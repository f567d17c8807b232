"""Admin integration of the notices: audit-log actions, the dashboard's review list, and a
register fact's review page with its notices (``factreview``), reached from the fact."""

from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem

from treatydesk.records.facts.models import Fact, FactStatus

from .factreview import announce_drafted_notices, review_fact, review_url
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
    """The dashboard's list of notices flagged for review, of drafts awaiting publication and of
    draft register facts, each with its review page."""

    name = "notices_to_review"
    template_name = "notices/admin/notices_to_review.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        flagged = (NoticePage.objects.filter(needs_review=True)
                   .select_related("locale", "source").order_by("-date")[:20])
        drafts = (NoticePage.objects.filter(live=False, needs_review=False)
                  .select_related("locale").order_by("-date")[:20])
        facts = Fact.including_drafts.filter(status=FactStatus.DRAFT).order_by("-updated_at")
        context.update({"flagged": flagged, "drafts": drafts,
                        "draft_facts": [(fact, review_url(fact)) for fact in facts[:20]]})
        return context


@hooks.register("construct_homepage_panels")
def add_notices_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(NoticesToReviewPanel())


@hooks.register("register_admin_urls")
def register_fact_review_url():
    return [path("register/facts/<int:fact_id>/review/", review_fact,
                 name="notices_review_fact")]


@hooks.register("after_create_snippet")
def review_a_new_draft(request, instance):
    """After a fact is saved, name its notices; a draft goes on to its review page."""
    if not isinstance(instance, Fact):
        return None
    announce_drafted_notices(request, instance)
    return redirect(review_url(instance)) if instance.is_draft else None


@hooks.register("after_edit_snippet")
def review_a_corrected_draft(request, instance):
    if isinstance(instance, Fact) and instance.is_draft:
        announce_drafted_notices(request, instance)
        return redirect(review_url(instance))
    return None


@hooks.register("register_snippet_listing_buttons")
def review_button(snippet, user, next_url=None):
    if isinstance(snippet, Fact):
        label = _("Review and publish") if snippet.is_draft else _("Review with its notices")
        yield MenuItem(label, review_url(snippet), icon_name="view", priority=5)
