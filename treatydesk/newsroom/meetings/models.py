"""Meetings of States Parties, intersessional meetings, workshops and visits, with documents.

A meeting lists its documents by United Nations symbol (CCM/MSP/2013/3). The files are in the
documents library, one per language, each carrying the symbol and its language; the meeting
page shows every language a document exists in without the editor listing the files again.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from treatydesk.core import clock
from treatydesk.media.models import CustomDocument, DocumentLanguage, validate_symbol
from treatydesk.security.accounts.review import ReviewedPublishing

from .library import DocumentLibraryPage

__all__ = ["DocumentKind", "DocumentLibraryPage", "MeetingDocument", "MeetingIndexPage",
           "MeetingKind", "MeetingPage"]


class MeetingKind(models.TextChoices):
    MEETING_OF_STATES_PARTIES = "msp", _("Meeting of States Parties")
    REVIEW_CONFERENCE = "review-conference", _("Review Conference")
    INTERSESSIONAL = "intersessional", _("Intersessional meeting")
    WORKSHOP = "workshop", _("Workshop")
    VISIT = "visit", _("Visit of the Presidency")
    OTHER = "other", _("Other meeting")


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    PROGRAMME = "programme", _("Programme of work")
    WORKING_PAPER = "working-paper", _("Working paper")
    REPORT = "report", _("Report")
    DECISION = "decision", _("Decision")
    STATEMENT = "statement", _("Statement")
    PARTICIPANTS = "participants", _("List of participants")
    OTHER = "other", _("Other document")


class MeetingIndexPage(ReviewedPublishing, Page):
    """The list of meetings in one language: those to come, then those past."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["meetings.MeetingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("meeting index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meetings = MeetingPage.objects.child_of(self).live().public()
        today = clock.today()
        context["upcoming"] = meetings.filter(end_date__gte=today).order_by("start_date")
        context["past"] = meetings.filter(end_date__lt=today).order_by("-start_date")
        return context


class MeetingPage(ReviewedPublishing, Page):
    """One meeting or event: when, where, under whose presidency, and its documents."""

    kind = models.CharField(_("kind of meeting"), max_length=32, choices=MeetingKind.choices,
                            default=MeetingKind.MEETING_OF_STATES_PARTIES)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200,
                             help_text=_("City and country, e.g. “Lusaka, Zambia”."))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    presidency = models.CharField(
        _("presidency"), max_length=200, blank=True,
        help_text=_("Who presides, e.g. “Zambia (H.E. Mr. Lazarous Kapambwe)”."),
    )
    summary = models.TextField(_("summary"), max_length=600,
                               help_text=_("One or two sentences shown in lists."))
    body = RichTextField(_("description"), blank=True,
                         features=["h2", "h3", "bold", "italic", "ol", "ul", "link",
                                   "document-link"])
    image = models.ForeignKey("media.CustomImage", verbose_name=_("photo"), null=True,
                              blank=True, on_delete=models.SET_NULL, related_name="+")

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("venue"), FieldPanel("presidency")],
                        heading=_("Where and who")),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.SearchField("presidency"),
        index.RelatedFields("documents", [index.SearchField("symbol"),
                                          index.SearchField("title")]),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["meetings.MeetingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot come before the first "
                                                 "day.")})

    @property
    def description(self) -> str:
        return self.search_description or self.summary

    @property
    def share_image(self):
        return self.image

    @property
    def alt_text(self) -> str:
        return self.image.default_alt_text if self.image else ""

    def document_rows(self):
        """Return the meeting's documents, each with its files by language, in one query."""
        rows = list(self.documents.all().select_related("document"))
        symbols = {row.symbol for row in rows if row.symbol}
        files = defaultdict(list)
        if symbols:
            for document in CustomDocument.objects.filter(symbol__in=symbols).order_by("pk"):
                files[document.symbol].append(document)
        order = {code: position for position, (code, _label) in
                 enumerate(DocumentLanguage.choices)}
        for row in rows:
            found = list(files.get(row.symbol, [])) if row.symbol else []
            if row.document_id and row.document not in found:
                found.append(row.document)
            row.files = sorted(found, key=lambda d: order.get(d.language, len(order)))
        return rows

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["document_rows"] = self.document_rows()
        return context


class MeetingDocument(Orderable):
    """A document of a meeting: its kind, UN symbol and title; files come from the library."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices,
                            default=DocumentKind.WORKING_PAPER)
    symbol = models.CharField(
        _("document symbol"), max_length=80, blank=True, validators=[validate_symbol],
        help_text=_("e.g. CCM/MSP/2013/3. Every file in the documents library with this symbol "
                    "is listed, one per language."),
    )
    title = models.CharField(_("title"), max_length=300)
    document = models.ForeignKey(
        "media.CustomDocument", verbose_name=_("file"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("For a document without a symbol (a statement, say), or to add one file."),
    )

    panels = [FieldPanel("kind"), FieldPanel("symbol"), FieldPanel("title"),
              FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self):
        return f"{self.symbol} {self.title}".strip()

    def clean(self):
        super().clean()
        if not self.symbol and not self.document_id:
            raise ValidationError(_("Give the document's symbol, or choose its file, or both."))
