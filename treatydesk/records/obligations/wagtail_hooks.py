"""Obligations in the Wagtail admin: the facts as snippets (checked by the core before saving),
contact points in a part only editors with their permissions see, and the reminders sent."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_import
from .actions import DeleteObligationFact, ObligationRejected
from .forms import ContactPointForm, ObligationFactForm, StateFactForm
from .models import (
    FACT_MODELS,
    ApplicabilityDeclaration,
    CompletionDeclaration,
    ContactPoint,
    ExtensionDecision,
    ExtensionRequest,
    HostilitiesEnded,
    NotApplicableDeclaration,
    ReminderSent,
    Report,
)

PROVENANCE = MultiFieldPanel([FieldPanel("source"), FieldPanel("note")], heading=_("Provenance"))


def _form(*panels, form=StateFactForm):
    return ObjectList([*panels, PROVENANCE], base_form_class=form)


class ReportViewSet(SnippetViewSet):
    model = Report
    icon = "doc-full"
    menu_label = _("Reports received")
    list_display = ["state", "treaty", "obligation", "received_on", "period_end", "access"]
    list_filter = ["treaty", "obligation", "access"]
    search_fields = ["state", "document_symbol", "source"]
    edit_handler = _form(
        FieldRowPanel([FieldPanel("treaty"), FieldPanel("state"), FieldPanel("obligation")]),
        FieldRowPanel([FieldPanel("received_on"), FieldPanel("period_start"),
                       FieldPanel("period_end")]),
        FieldRowPanel([FieldPanel("access"), FieldPanel("document_symbol")]),
        FieldPanel("document"),
    )


class NotApplicableViewSet(SnippetViewSet):
    model = NotApplicableDeclaration
    icon = "cross"
    menu_label = _("Not applicable")
    list_display = ["state", "treaty", "obligation", "declared_on", "reason"]
    list_filter = ["treaty", "obligation"]
    search_fields = ["state", "reason"]
    edit_handler = _form(
        FieldRowPanel([FieldPanel("treaty"), FieldPanel("state"), FieldPanel("obligation")]),
        FieldRowPanel([FieldPanel("declared_on"), FieldPanel("after_hostilities_ended_on")]),
        FieldPanel("reason"),
    )


class ApplicabilityViewSet(SnippetViewSet):
    model = ApplicabilityDeclaration
    icon = "warning"
    menu_label = _("Declared to apply")
    list_display = ["state", "treaty", "obligation", "declared_on", "document_symbol"]
    list_filter = ["treaty", "obligation"]
    search_fields = ["state", "document_symbol"]
    edit_handler = _form(
        FieldRowPanel([FieldPanel("treaty"), FieldPanel("state"), FieldPanel("obligation")]),
        FieldRowPanel([FieldPanel("declared_on"), FieldPanel("after_hostilities_ended_on")]),
        FieldPanel("document_symbol"),
    )


class CompletionViewSet(SnippetViewSet):
    model = CompletionDeclaration
    icon = "tick"
    menu_label = _("Completions declared")
    list_display = ["state", "treaty", "obligation", "declared_on", "document_symbol"]
    list_filter = ["treaty", "obligation"]
    search_fields = ["state", "document_symbol"]
    edit_handler = _form(
        FieldRowPanel([FieldPanel("treaty"), FieldPanel("state"), FieldPanel("obligation")]),
        FieldRowPanel([FieldPanel("declared_on"), FieldPanel("after_hostilities_ended_on")]),
        FieldPanel("document_symbol"),
    )


class ExtensionRequestViewSet(SnippetViewSet):
    model = ExtensionRequest
    icon = "date"
    menu_label = _("Extension requests")
    list_display = ["state", "treaty", "obligation", "requested_on", "period_months",
                    "document_symbol"]
    list_filter = ["treaty", "obligation"]
    search_fields = ["state", "document_symbol"]
    edit_handler = _form(
        FieldRowPanel([FieldPanel("treaty"), FieldPanel("state"), FieldPanel("obligation")]),
        FieldRowPanel([FieldPanel("requested_on"), FieldPanel("period_months"),
                       FieldPanel("after_hostilities_ended_on")]),
        FieldPanel("document_symbol"),
    )


class ExtensionDecisionViewSet(SnippetViewSet):
    model = ExtensionDecision
    icon = "success"
    menu_label = _("Extension decisions")
    list_display = ["request", "decided_on", "meeting", "new_deadline", "document_symbol"]
    search_fields = ["meeting", "document_symbol"]
    edit_handler = _form(
        FieldPanel("request"),
        FieldRowPanel([FieldPanel("decided_on"), FieldPanel("new_deadline")]),
        FieldRowPanel([FieldPanel("meeting"), FieldPanel("document_symbol")]),
        form=ObligationFactForm,
    )


class HostilitiesEndedViewSet(SnippetViewSet):
    model = HostilitiesEnded
    icon = "warning"
    menu_label = _("End of active hostilities")
    list_display = ["state", "treaty", "ended_on", "description"]
    list_filter = ["treaty"]
    search_fields = ["state", "description", "source"]
    edit_handler = _form(
        FieldRowPanel([FieldPanel("treaty"), FieldPanel("state"), FieldPanel("ended_on")]),
        FieldPanel("description"),
    )


class ContactPointViewSet(SnippetViewSet):
    """Contact points: only users with the contact point permissions see this menu item."""

    model = ContactPoint
    icon = "mail"
    menu_label = _("Contact points")
    list_display = ["name", "state", "treaty", "email", "active"]
    list_filter = ["treaty", "active"]
    search_fields = ["name", "email", "state"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("treaty"), FieldPanel("state"), FieldPanel("active")]),
            FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
            FieldRowPanel([FieldPanel("role"), FieldPanel("language")]),
            FieldPanel("obligations"),
            FieldPanel("note"),
        ],
        base_form_class=ContactPointForm,
    )


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Allow viewing only: the rows are written by the reminder command, never by hand."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(
            user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ReminderSentViewSet(SnippetViewSet):
    """Reminders handed to the mail backend; read-only (written by the reminder command)."""

    model = ReminderSent
    icon = "history"
    menu_label = _("Reminders sent")
    list_display = ["sent_at", "email", "state", "treaty", "deadline_key", "due_date", "reason"]
    list_filter = ["treaty", "reason"]
    search_fields = ["email", "state", "deadline_key"]
    inspect_view_enabled = True
    edit_handler = ObjectList([])


class ObligationsGroup(SnippetViewSetGroup):
    menu_label = _("Obligations")
    menu_icon = "date"
    menu_order = 210
    items = (ReportViewSet, NotApplicableViewSet, ApplicabilityViewSet, CompletionViewSet,
             ExtensionRequestViewSet, ExtensionDecisionViewSet, HostilitiesEndedViewSet,
             ContactPointViewSet, ReminderSentViewSet)


register_permission_policy(ReminderSent, ReadOnlyPolicy(ReminderSent))
register_snippet(ObligationsGroup)


@hooks.register("before_delete_snippet")
def delete_obligation_facts_through_the_action(request, instances):
    """Delete obligation facts with their checks and an audit entry, not a bare delete."""
    facts = [obj for obj in instances if isinstance(obj, FACT_MODELS)]
    if not facts:
        return None
    listing = f"wagtailsnippets_obligations_{facts[0]._meta.model_name}:list"
    for fact in facts:
        try:
            DeleteObligationFact(fact, user=request.user).execute()
        except ObligationRejected as rejected:
            for message in rejected.messages:
                messages.error(request, message)
            return redirect(listing)
    messages.success(request, _("Deleted; the audit log keeps what it was."))
    return redirect(listing)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("obligations/import/", admin_import.import_records, name="obligations_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_import.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import obligation records"), reverse("obligations_import"),
                          icon_name="upload", order=215)
