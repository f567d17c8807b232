"""The news index (one per language, with its feeds) and the news article."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from treatydesk.core import clock
from treatydesk.security.accounts.review import ReviewedPublishing
from treatydesk.security.parameters import has_control_characters

# Rich text an editor may use in an article: no embeds, since an embedded player would make the
# reader's browser call a third party.
BODY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "image",
                 "blockquote"]
PAGE_SIZE = 10


class NewsCategory(models.TextChoices):
    """The sections of the newsroom; each has its own list and feeds."""

    PRESIDENCY = "presidency", _("Presidency")
    UNIVERSALIZATION = "universalization", _("Universalization")
    STATEMENTS = "statements", _("Statements")
    MEETINGS = "meetings", _("Meetings")
    SECURITY = "security-notices", _("Security notices")


class NewsIndexPage(ReviewedPublishing, RoutablePageMixin, Page):
    """The list of news in one language, its category lists and its Atom and RSS feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def articles(self, category: str | None = None, tag: str | None = None):
        """Return the live, public articles under this index, newest first."""
        pages = (NewsPage.objects.child_of(self).live().public()
                 .select_related("hero_image").order_by("-date", "-first_published_at", "-pk"))
        if category:
            pages = pages.filter(category=category)
        if tag:
            pages = pages.filter(tags__slug=tag)
        return pages

    def paginate(self, request, pages):
        paginator = Paginator(pages, PAGE_SIZE)
        try:
            return paginator.page(request.GET.get("page") or 1)
        except (PageNotAnInteger, EmptyPage):
            raise Http404(_("There is no such page of news.")) from None

    def category_or_404(self, slug: str) -> NewsCategory:
        try:
            return NewsCategory(slug)
        except ValueError:
            raise Http404(_("There is no such news category.")) from None

    def listing(self, request, category: NewsCategory | None = None):
        tag = (request.GET.get("tag") or "").strip()[:100] or None
        if tag is not None and has_control_characters(tag):
            raise Http404(_("There is no such tag."))
        page = self.paginate(request, self.articles(category, tag))
        return self.render(request, context_overrides={
            "articles": page, "category": category, "tag": tag,
            "categories": NewsCategory,
            "feed_path": f"category/{category.value}/" if category else "",
        })

    @path("")
    def all_news(self, request):
        return self.listing(request)

    @path("category/<slug:slug>/")
    def category_news(self, request, slug):
        return self.listing(request, self.category_or_404(slug))


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items",
                                 on_delete=models.CASCADE)


def _today():
    return clock.today()


class NewsPage(ReviewedPublishing, Page):
    """An article: title, date, lead, body, hero photo with its credit, category and tags."""

    date = models.DateField(_("date"), default=_today,
                            help_text=_("The day the news happened or was announced."))
    lead = models.TextField(
        _("lead"), max_length=600,
        help_text=_("One or two sentences shown in lists and feeds, followed by “Continue "
                    "reading”."),
    )
    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)
    hero_image = models.ForeignKey(
        "media.CustomImage", verbose_name=_("photo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    hero_alt = models.CharField(
        _("alt text"), max_length=255, blank=True,
        help_text=_("Leave empty to use the photo's description."),
    )
    hero_caption = models.CharField(
        _("caption"), max_length=255, blank=True,
        help_text=_("Leave empty to use the photo's caption."),
    )
    category = models.CharField(_("category"), max_length=32, choices=NewsCategory.choices,
                                default=NewsCategory.PRESIDENCY, db_index=True)
    tags = ClusterTaggableManager(_("tags"), through=NewsPageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt"),
                         FieldPanel("hero_caption")], heading=_("Photo")),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    @property
    def alt_text(self) -> str:
        """Return the photo's alt text on this page: the page's own, else the photo's."""
        if self.hero_alt:
            return self.hero_alt
        return self.hero_image.default_alt_text if self.hero_image else ""

    @property
    def caption(self) -> str:
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.caption if self.hero_image else ""

    @property
    def credit(self) -> str:
        return self.hero_image.credit if self.hero_image else ""

    @property
    def share_image(self):
        return self.hero_image

    @property
    def description(self) -> str:
        return self.search_description or self.lead

    def category_url(self):
        parent = self.get_parent()
        return parent.url + "category/" + self.category + "/" if parent else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["category_label"] = NewsCategory(self.category).label if self.category else ""
        return context
