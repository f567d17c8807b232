"""Create the newsroom's section pages, the notices' moderation workflow and default content.

Called by ``treatydesk init`` (``treatydesk.setup.site.initialise_site``); safe to run again:
each step creates only what is missing.
"""

import datetime as dt
import io

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

    from treatydesk.site.models import HomePage

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


def initialise_newsroom(out) -> None:
    """Set up the newsroom for ``treatydesk init``: sections, workflow, default content."""
    ensure_sections()
    ensure_notice_workflow()
    created = create_default_news() + create_default_meetings()
    notices = publish_recent_notices()
    if created or notices:
        out.write(f"Newsroom: {created} default pages and {notices} notices published.\n")


def ensure_notice_workflow():
    """Give the notices a moderation workflow: a moderator checks each against the register."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    from treatydesk.newsroom.notices.models import NoticeIndexPage

    moderators, _created = Group.objects.get_or_create(name="Moderators")
    task = GroupApprovalTask.objects.filter(name=NOTICE_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=NOTICE_TASK)
        task.groups.set([moderators])
    workflow, created = Workflow.objects.get_or_create(name=NOTICE_WORKFLOW)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index in NoticeIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


NOTICE_WORKFLOW = "Notice review"
NOTICE_TASK = "Check the notice against the register"
SAMPLE_NOTE = {
    "en": "Sample document made by Treaty Desk for its default content. The official text is "
          "in the United Nations Official Document System.",
    "fr": "Document d’exemple créé par Treaty Desk pour son contenu par défaut. Le texte "
          "officiel se trouve dans le Système de diffusion électronique des documents de "
          "l’ONU.",
    "es": "Documento de ejemplo creado por Treaty Desk para su contenido predeterminado. El "
          "texto oficial figura en el Sistema de Archivo de Documentos de las Naciones Unidas.",
}


def _indexes(label: str) -> dict:
    from django.apps import apps

    model = apps.get_model(label)
    return {index.locale.language_code: index
            for index in model.objects.select_related("locale").order_by("path")}


def _image(seed: int, palette: str, slug: str, text: dict):
    from django.core.files.images import ImageFile

    from treatydesk.media.models import CustomImage

    from .content import CREDIT
    from .sample_images import illustration

    image = CustomImage(title=text["title"], description=text["alt"], caption=text["caption"],
                        credit=CREDIT)
    image.file = ImageFile(io.BytesIO(illustration(seed, palette)), name=f"{slug}.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


@transaction.atomic
def create_default_news() -> int:
    """Publish the default news items in every language; return how many pages were made."""
    from treatydesk.newsroom.news.models import NewsPage

    from .content import NEWS

    if NewsPage.objects.exists():
        return 0
    indexes = _indexes("news.NewsIndexPage")
    made = 0
    for item in NEWS:
        english = None
        image = _image(*item["image"], item["slug"], item["en"]) if item["image"] else None
        for code, index in indexes.items():
            text = item.get(code) or item["en"]
            page = NewsPage(
                title=text["title"], slug=item["slug"], locale=index.locale, date=item["date"],
                lead=text["lead"], body=text["body"], category=item["category"],
                hero_image=image,
                hero_alt=text.get("alt", "") if code != "en" else "",
                hero_caption=text.get("caption", "") if code != "en" else "",
                search_description=text["lead"][:255],
            )
            if english is not None:
                page.translation_key = english.translation_key
            index.add_child(instance=page)
            page.tags.add(*item["tags"])
            page.save_revision().publish()
            english = english or page
            made += 1
    return made


@transaction.atomic
def create_default_meetings() -> int:
    """Publish the default meetings with their sample agendas; return how many pages."""
    from django.core.files.base import ContentFile

    from treatydesk.media.models import CustomDocument
    from treatydesk.newsroom.meetings.models import MeetingDocument, MeetingPage

    from .content import AGENDA, MEETINGS
    from .sample_pdf import text_pdf

    if MeetingPage.objects.exists():
        return 0
    indexes = _indexes("meetings.MeetingIndexPage")
    made = 0
    for meeting in MEETINGS:
        symbol = f"{meeting['symbol_base']}/1"
        for code in ("en", "fr", "es"):
            heading, items = AGENDA[code]
            title = meeting[code]["title"]
            if not CustomDocument.objects.filter(symbol=symbol, language=code).exists():
                document = CustomDocument(title=f"{title}: {heading.lower()}", symbol=symbol,
                                          language=code)
                pdf = text_pdf(f"{symbol} — {title}", [heading, *items, SAMPLE_NOTE[code]])
                document.file = ContentFile(pdf, name=f"{symbol.replace('/', '-')}-{code}.pdf")
                document._set_document_file_metadata()
                document.save()
        english = None
        for code, index in indexes.items():
            text = meeting.get(code) or meeting["en"]
            page = MeetingPage(
                title=text["title"], slug=meeting["slug"], locale=index.locale,
                kind=meeting["kind"], start_date=meeting["start"], end_date=meeting["end"],
                place=text["place"], presidency=text["presidency"], summary=text["summary"],
                search_description=text["summary"][:255],
            )
            page.documents.add(MeetingDocument(kind="agenda", symbol=symbol,
                                               title=AGENDA.get(code, AGENDA["en"])[0]))
            if english is not None:
                page.translation_key = english.translation_key
            index.add_child(instance=page)
            page.save_revision().publish()
            english = english or page
            made += 1
    return made


RECENT_NOTICES_SINCE = dt.date(2019, 1, 1)


def publish_recent_notices(since: dt.date = RECENT_NOTICES_SINCE) -> int:
    """Draft and publish the notices of the site treaty's instruments and withdrawals since
    ``since`` that have none yet; return how many pages were published."""
    from django.conf import settings

    from treatydesk.core.wording import subject_of
    from treatydesk.newsroom.notices.actions import DraftNotices
    from treatydesk.newsroom.notices.models import NoticeSource
    from treatydesk.records.facts.models import Fact

    facts = (Fact.objects.filter(treaty=settings.TREATYDESK_TREATY, date__gte=since)
             .exclude(pk__in=NoticeSource.objects.filter(fact__isnull=False)
                      .values("fact_id")).order_by("date", "pk"))
    published = 0
    for fact in facts:
        if subject_of(fact.kind) is None:
            continue
        with transaction.atomic():
            for page in DraftNotices(fact).execute():
                page.get_latest_revision().publish()
                published += 1
    return published
