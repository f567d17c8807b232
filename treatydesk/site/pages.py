"""The institution's pages: About the Convention, the Presidency, the Implementation Support
Unit (with its contact details), and the site's emblem, replaceable in the admin's settings."""

from django.db import models
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

DEFAULT_EMBLEM = "treatydesk/emblem.svg"
INFO_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class InfoPage(Page):
    """A page of the institution: a lead paragraph and a body (About, Presidency, ISU…)."""

    lead = models.TextField(_("lead"), max_length=600, blank=True,
                            help_text=_("One or two sentences under the title."))
    body = RichTextField(_("body"), features=INFO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.InfoPage"]
    subpage_types = ["home.InfoPage"]
    template = "site/info_page.html"

    class Meta:
        verbose_name = _("information page")


@register_setting(icon="image")
class Branding(BaseSiteSetting):
    """The site's emblem; without one, the site shows its own simple SVG mark."""

    emblem = models.ForeignKey(
        "media.CustomImage", verbose_name=_("emblem"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Shown in the header and as the favicon; leave empty for the default mark."),
    )

    panels = [FieldPanel("emblem")]

    def image_url(self) -> str:
        """Return the address of the emblem: the image chosen here, or the default mark."""
        if self.emblem_id:
            return self.emblem.get_rendition("fill-128x128|format-png").url
        return static(DEFAULT_EMBLEM)

    class Meta:
        verbose_name = _("emblem and favicon")
