"""The meetings the register's charts mark: Meetings of States Parties and Review Conferences.

The meetings pages are about the site's treaty, so only its charts get them; another treaty's
charts mark its entry into force only (they say so).
"""

from django.conf import settings
from django.utils.translation import get_language

from treatydesk.core import clock
from treatydesk.records.pictures.marks import Meeting

from .models import MeetingKind, MeetingPage

SHORT = {MeetingKind.MEETING_OF_STATES_PARTIES: "MSP", MeetingKind.REVIEW_CONFERENCE: "RC"}


def meetings_for_charts(treaty: str) -> list[Meeting]:
    """Return the live meetings of States Parties held so far, in the page's language."""
    if treaty.upper() != settings.TREATYDESK_TREATY:
        return []
    lang = (get_language() or "en").split("-")[0]
    pages = (MeetingPage.objects.live().public()
             .filter(kind__in=list(SHORT), start_date__lte=clock.today())
             .filter(locale__language_code=lang)
             .order_by("start_date"))
    return [Meeting(page.start_date, page.title, SHORT[page.kind]) for page in pages]
