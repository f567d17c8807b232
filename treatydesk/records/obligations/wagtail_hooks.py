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
WHO = ("treaty", "state", "obligation")


def _row(*names):
    return FieldRowPanel([FieldPanel(name) for name in names])


def _form(*panels, form=StateFactForm):
    return ObjectList([*panels, PROVENANCE], base_form_class=form)


def _declaration_form(last: str):
    """A declaration's form: who, on which day (and which deadline), then `last`."""
    return _form(_row(*WHO), _row("declared_on", "after_hostilities_ended_on"), FieldPanel(last))


class StateFactViewSet(SnippetViewSet):
    """What the views of a state's obligation facts share: filters, search, columns."""

    list_filter = ["treaty", "obligation"]
    search_fields = ["state", "document_symbol"]


class DeclarationViewSet(StateFactViewSet):
    """A state's declaration about one obligation, on a day, with its document."""

    list_display = ["state", "treaty", "obligation", "declared_on", "document_symbol"]
    edit_handler = _declaration_form("document_symbol")


class ReportViewSet(StateFactViewSet):
    model = Report
    icon = "doc-full"
    menu_label = _("Reports received")
    list_display = ["state", "treaty", "obligation", "received_on", "period_end", "access"]
    list_filter = [*StateFactViewSet.list_filter, "access"]
    search_fields = [*StateFactViewSet.search_fields, "source"]
    edit_handler = _form(
        _row(*WHO),
        _row("received_on", "period_start", "period_end"),
        _row("access", "document_symbol"),
        FieldPanel("document"),
    )


class NotApplicableViewSet(DeclarationViewSet):
    model = NotApplicableDeclaration
    icon = "cross"
    menu_label = _("Not applicable")
    list_display = ["state", "treaty", "obligation", "declared_on", "reason"]
    search_fields = ["state", "reason"]
    edit_handler = _declaration_form("reason")


class ApplicabilityViewSet(DeclarationViewSet):
    model = ApplicabilityDeclaration
    icon = "warning"
    menu_label = _("Declared to apply")


class CompletionViewSet(DeclarationViewSet):
    model = CompletionDeclaration
    icon = "tick"
    menu_label = _("Completions declared")


class ExtensionRequestViewSet(StateFactViewSet):
    model = ExtensionRequest
    icon = "date"
    menu_label = _("Extension requests")
    list_display = ["state", "treaty", "obligation", "requested_on", "period_months",
                    "document_symbol"]
    edit_handler = _form(
        _row(*WHO),
        _row("requested_on", "period_months", "after_hostilities_ended_on"),
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
        _row("decided_on", "new_deadline"),
        _row("meeting", "document_symbol"),
        form=ObligationFactForm,
    )


class HostilitiesEndedViewSet(SnippetViewSet):
    model = HostilitiesEnded
    icon = "warning"
    menu_label = _("End of active hostilities")
    list_display = ["state", "treaty", "ended_on", "description"]
    list_filter = ["treaty"]
    search_fields = ["state", "description", "source"]
    edit_handler = _form(_row("treaty", "state", "ended_on"), FieldPanel("description"))


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
            _row("treaty", "state", "active"),
            _row("name", "email"),
            _row("role", "language"),
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
