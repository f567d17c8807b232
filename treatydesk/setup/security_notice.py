"""Default content of ``treatydesk init``: the security notice about the 2013 phishing mail.

Its words are in ``content/security-notice/`` (``seed.load_seed``).
"""

from django.db import transaction
from wagtail.models import Locale

from treatydesk.mail.verification.models import SecurityNoticePage
from treatydesk.site.models import HomePage

from .seed import load_seed


@transaction.atomic
def ensure_security_notice(out=None) -> int:
    """Publish the 2013 phishing notice under each language's home page; return how many."""
    notice = load_seed().security_notice
    slug = notice.facts["slug"]
    made = 0
    english = SecurityNoticePage.objects.filter(slug=slug, locale__language_code="en").first()
    for locale in sorted(Locale.objects.all(), key=lambda loc: loc.language_code != "en"):
        code = locale.language_code
        home = HomePage.objects.filter(locale=locale).first()
        if home is None or SecurityNoticePage.objects.child_of(home).filter(slug=slug).exists():
            continue
        text = notice.text(code)
        page = SecurityNoticePage(
            title=text["title"], slug=slug, locale=locale, date=notice.facts["date"],
            summary=text["summary"], forged_subject=notice.facts["forged_subject"],
            body=text["body"], search_description=text["summary"][:255])
        if english is not None:
            page.translation_key = english.translation_key
        home.add_child(instance=page)
        page.save_revision().publish()
        english = english or page
        made += 1
    if made and out is not None:
        out.write(f"Security notice about the 2013 forged mail published in {made} "
                  "languages.\n")
    return made
