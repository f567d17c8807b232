"""What every newsroom feed (news, notices, meetings, everything) shares: its response may be
kept five minutes by browsers and caches."""

from django.contrib.syndication.views import Feed


class PublicFeed(Feed):
    """A syndication feed whose response says it may be cached for five minutes."""

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=300"
        return response
