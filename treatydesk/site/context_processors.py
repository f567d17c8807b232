"""Template context every page needs: the treaty the site is about and the languages."""

from django.conf import settings

from treatydesk.core import register as core


def site_context(request):
    treaty = core.load_treaty(settings.TREATYDESK_TREATY)
    return {"treaty": treaty, "site_languages": settings.LANGUAGES}
