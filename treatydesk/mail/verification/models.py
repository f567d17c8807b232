"""Security notices: warnings to readers about forged mail in the secretariat's name."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from treatydesk.core import clock
from treatydesk.security.accounts.review import ReviewedPublishing


def _today():
    return clock.today()


class SecurityNoticePage(ReviewedPublishing, Page):
    """A warning such as the 2013 one about "Re: Important Confidential Document"."""

    date = models.DateField(_("date"), default=_today)
    summary = models.TextField(
        _("summary"), max_length=600,
        help_text=_("What happened and what to do, in one or two sentences."))
    forged_subject = models.CharField(
        _("subject of the forged mail"), max_length=255, blank=True,
        help_text=_("As it appears in readers' mailboxes, so that they can recognize it."))
    body = RichTextField(_("body"), blank=True,
                         features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("forged_subject"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"),
                     index.SearchField("body"), index.SearchField("forged_subject")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("security notice")
        verbose_name_plural = _("security notices")

    @property
    def description(self) -> str:
        return self.search_description or self.summary
