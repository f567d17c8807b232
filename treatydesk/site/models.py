"""The home page: a Wagtail page whose template shows the register's current counts."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from treatydesk.records.status.summary import home_summary
from treatydesk.security.accounts.review import ReviewedPublishing
from treatydesk.site.pages import Branding, InfoPage

__all__ = ["Branding", "HomePage", "InfoPage"]


class HomePage(ReviewedPublishing, Page):
    """The site's front page, one per language."""

    introduction = RichTextField(_("introduction"), blank=True)
    max_count = None
    parent_page_types = ["wagtailcore.Page"]

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_summary())
        return context
