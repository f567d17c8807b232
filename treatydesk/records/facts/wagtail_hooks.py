"""The register in the Wagtail admin: facts as snippets (validated, audited) and the audit log."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from treatydesk.core.wording import long_date

from .actions import DeleteFact, RegisterRejected
from .forms import FactForm
from .models import AuditEntry, Fact


def fact_date(fact: Fact) -> str:
    """The fact's date as the admin's language writes it ("14 May 2013", "14 mai 2013")."""
    return long_date(fact.date, get_language()) if fact.date else "—"


class FactIndexView(IndexView):
    """The register's list opens on the site's treaty; "All" in the filter shows every one."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "treaty" not in kwargs["data"]:
            data = kwargs["data"].copy()
            data["treaty"] = settings.TREATYDESK_TREATY
            kwargs["data"] = data
        return kwargs


class FactCreateView(CreateView):
    """Saving a draft says that the public register has not changed."""

    def get_success_message(self, instance):
        if instance.is_draft:
            return _("Saved as a draft: “%(fact)s” is in no public page, download or log until "
                     "it is published.") % {"fact": instance}
        return super().get_success_message(instance)


class FactViewSet(SnippetViewSet):
    model = Fact
    icon = "list-ul"
    menu_label = _("Register facts")
    index_view_class = FactIndexView
    add_view_class = FactCreateView
    list_display = ["state_name", "treaty", "kind",
                    Column("date", label=_("date"), accessor=fact_date, sort_key="date"),
                    "status", "cn_reference", "updated_at"]
    list_filter = ["treaty", "status", "kind"]
    search_fields = ["state_name", "state", "cn_reference", "source"]
    ordering = ["treaty", "state_name", "date"]
    delete_template_name = "registry/fact_confirm_delete.html"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("treaty"), FieldPanel("state"), FieldPanel("kind")]),
            FieldRowPanel([FieldPanel("date"), FieldPanel("sequence"),
                           FieldPanel("effective_date")]),
            FieldPanel("state_name"),
            MultiFieldPanel(
                [FieldPanel("cn_reference"), FieldPanel("source"), FieldPanel("public_note"),
                 FieldPanel("note")],
                heading=_("Provenance"),
            ),
            FieldPanel("reason"),
            FieldPanel("draft"),
        ],
        base_form_class=FactForm,
    )


class AuditEntryViewSet(ModelViewSet):
    model = AuditEntry
    icon = "history"
    menu_label = _("Audit log")
    add_to_admin_menu = False
    list_display = ["at", "actor", "action", "treaty", "subject", "summary"]
    list_filter = ["treaty", "action", "subject"]
    search_fields = ["summary", "actor"]
    inspect_view_enabled = True
    inspect_view_fields = ["at", "actor", "action", "treaty", "subject", "fact_id", "summary",
                           "before", "after"]
    form_fields = []  # read-only: entries are written by the records' actions only

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name in {"index", "inspect",
                                                                   "index_results"}]


class RegisterGroup(SnippetViewSetGroup):
    menu_label = _("Register")
    menu_icon = "list-ul"
    menu_order = 200
    items = (FactViewSet,)


register_snippet(RegisterGroup)


@hooks.register("register_admin_viewset")
def register_audit_viewset():
    return AuditEntryViewSet("register_audit")


@hooks.register("before_delete_snippet")
def delete_facts_through_the_register(request, instances):
    """Delete facts with the register's checks, an audit entry and the editor's reason (which
    the public log records), not a bare delete. The confirmation page (a GET) asks the reason."""
    facts = [obj for obj in instances if isinstance(obj, Fact)]
    if not facts or request.method != "POST":
        return None
    reason = request.POST.get("reason", "").strip()
    if not reason:
        messages.error(request, _("Say why the fact is deleted: the reason is published in the "
                                  "register's log."))
        return redirect(request.get_full_path())
    for fact in facts:
        try:
            DeleteFact(fact, user=request.user, reason=reason).execute()
        except RegisterRejected as rejected:
            for message in rejected.messages:
                messages.error(request, message)
            return redirect("wagtailsnippets_registry_fact:list")
    messages.success(request, _("Deleted; the audit log keeps what it was."))
    return redirect("wagtailsnippets_registry_fact:list")
