"""Template tags for pages outside the newsroom: the latest news of the page's language."""

from django import template
from django.utils.translation import get_language

from treatydesk.newsroom.news.models import NewsIndexPage

register = template.Library()


@register.inclusion_tag("news/includes/latest.html", takes_context=True)
def latest_news(context, count=3):
    """Render the ``count`` latest articles of the news index in the page's language."""
    index = (NewsIndexPage.objects.live().public()
             .filter(locale__language_code=get_language()).first())
    articles = list(index.articles()[:count]) if index else []
    return {"index": index, "articles": articles, "request": context.get("request")}
