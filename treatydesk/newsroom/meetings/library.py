"""The documents library page: every document with a UN symbol, searchable by symbol (or
title), by meeting and by language, with a GET form (works without JavaScript)."""

from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from treatydesk.media.models import CustomDocument, DocumentLanguage
from treatydesk.security.parameters import without_control_characters

PAGE_SIZE = 50
MAX_QUERY = 100


class DocumentLibraryPage(Page):
    """The documents library in one language; the documents themselves are shared."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list = []
    max_count_per_parent = 1
    template = "meetings/document_library_page.html"

    class Meta:
        verbose_name = _("documents library")

    def meetings(self):
        """Return the meetings in this page's language, newest first (the meeting filter)."""
        # By name: models.py imports this module, to register the page type with the app.
        meeting_page = apps.get_model("meetings", "MeetingPage")
        return (meeting_page.objects.live().public().filter(locale=self.locale)
                .order_by("-start_date"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = " ".join(without_control_characters(request.GET.get("q") or "").split())[:MAX_QUERY]
        language = request.GET.get("language") or ""
        if language not in DocumentLanguage.values:
            language = ""
        meetings = list(self.meetings())
        meeting = next((m for m in meetings if str(m.pk) == request.GET.get("meeting")), None)
        documents = CustomDocument.objects.order_by("symbol", "language", "pk")
        if query:
            documents = documents.filter(models.Q(symbol__icontains=query)
                                         | models.Q(title__icontains=query))
        if language:
            documents = documents.filter(language=language)
        if meeting is not None:
            symbols = [row.symbol for row in meeting.documents.all() if row.symbol]
            ids = [row.document_id for row in meeting.documents.all() if row.document_id]
            documents = documents.filter(models.Q(symbol__in=symbols) | models.Q(pk__in=ids))
        context.update({
            "documents": Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page")),
            "query": query, "language": language, "meeting": meeting, "meetings": meetings,
            "document_languages": DocumentLanguage.choices,
            "filtered": bool(query or language or meeting),
        })
        return context
