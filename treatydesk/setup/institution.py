"""Create the institution's pages of ``treatydesk init``: About the Convention, the Presidency,
the Implementation Support Unit and the documents library, in every language of the site.

The words are in ``content/institution/`` (``seed.load_seed``); safe to run again: a page that
exists (by its address under the language's home page) is left as the editors made it.
"""

from django.db import transaction
from wagtail.models import Locale

from treatydesk.newsroom.meetings.models import DocumentLibraryPage
from treatydesk.site.models import HomePage, InfoPage

from .seed import load_seed


def _page(item, code: str):
    text = item.text(code)
    if item.facts["type"] == "library":
        return DocumentLibraryPage(title=text["title"], slug=item.name,
                                   introduction=text["lead"])
    return InfoPage(title=text["title"], slug=item.name, lead=text["lead"], body=text["body"])


@transaction.atomic
def ensure_institution_pages(out=None) -> int:
    """Create each missing institution page under each language's home page; return how many."""
    created = 0
    for item in load_seed().institution:
        english = None
        for locale in Locale.objects.order_by("pk"):
            code = locale.language_code
            home = HomePage.objects.filter(locale=locale).first()
            if home is None:
                continue
            existing = home.get_children().filter(slug=item.name).first()
            if existing is not None:
                english = english or (existing if code == "en" else None)
                continue
            page = _page(item, code)
            if english is not None:
                page.translation_key = english.translation_key
            home.add_child(instance=page)
            page.save_revision().publish()
            created += 1
            if code == "en":
                english = page
    if created and out is not None:
        out.write(f"Institution: {created} pages published.\n")
    return created
