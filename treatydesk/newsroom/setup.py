"""Create the newsroom's section pages, the notices' moderation workflow and default content.

Called by ``treatydesk init`` (``treatydesk.home.setup.initialise_site``); safe to run again:
each step creates only what is missing.
"""

from django.db import transaction
from wagtail.models import Locale

SECTIONS = {
    # model label → slug, then the title in each language
    "news.NewsIndexPage": ("news", {"en": "News", "fr": "Actualités", "es": "Noticias"}),
    "notices.NoticeIndexPage": ("notices", {"en": "Notices", "fr": "Notifications",
                                            "es": "Notificaciones"}),
    "meetings.MeetingIndexPage": ("meetings", {"en": "Meetings", "fr": "Réunions",
                                               "es": "Reuniones"}),
}
INTRODUCTIONS = {
    "news.NewsIndexPage": {
        "en": "News of the Convention: the Presidency, universalization, statements and "
              "meetings.",
        "fr": "L’actualité de la Convention : la présidence, l’universalisation, les "
              "déclarations et les réunions.",
        "es": "Noticias de la Convención: la Presidencia, la universalización, las "
              "declaraciones y las reuniones.",
    },
    "notices.NoticeIndexPage": {
        "en": "Notices of instruments deposited with the Secretary-General and of "
              "withdrawals, written from the register.",
        "fr": "Notifications des instruments déposés auprès du Secrétaire général et des "
              "retraits, rédigées à partir du registre.",
        "es": "Notificaciones de los instrumentos depositados ante el Secretario General y de "
              "las retiradas, redactadas a partir del registro.",
    },
    "meetings.MeetingIndexPage": {
        "en": "Meetings of States Parties, intersessional meetings, workshops and visits of "
              "the Presidency, with their documents.",
        "fr": "Assemblées des États parties, réunions intersessions, ateliers et visites de la "
              "présidence, avec leurs documents.",
        "es": "Reuniones de los Estados partes, reuniones entre períodos de sesiones, talleres "
              "y visitas de la Presidencia, con sus documentos.",
    },
}


@transaction.atomic
def ensure_sections() -> None:
    """Create the news, notices and meetings index under each language's home page."""
    from django.apps import apps

    from treatydesk.home.models import HomePage

    for label, (slug, titles) in SECTIONS.items():
        model = apps.get_model(label)
        english = model.objects.filter(locale__language_code="en").first()
        for locale in Locale.objects.order_by("pk"):
            code = locale.language_code
            home = HomePage.objects.filter(locale=locale).first()
            if home is None or model.objects.child_of(home).exists():
                continue
            index = model(title=titles.get(code, titles["en"]), slug=slug, locale=locale,
                          introduction=INTRODUCTIONS[label].get(code, ""))
            if english is not None:
                index.translation_key = english.translation_key
            home.add_child(instance=index)
            index.save_revision().publish()
            if code == "en":
                english = index
