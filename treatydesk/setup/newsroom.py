"""Create the newsroom's section pages, the notices' moderation workflow and default content.

Called by ``treatydesk init`` (``treatydesk.setup.site.initialise_site``); safe to run again:
each step creates only what is missing. The words are in ``content/`` (``seed.load_seed``).
"""

import datetime as dt
import io

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.models import GroupApprovalTask, Locale, Workflow, WorkflowPage, WorkflowTask

from treatydesk.core.wording import subject_of
from treatydesk.media.models import CustomDocument, CustomImage
from treatydesk.newsroom.meetings.models import MeetingDocument, MeetingIndexPage, MeetingPage
from treatydesk.newsroom.news.models import NewsIndexPage, NewsPage
from treatydesk.newsroom.notices.actions import DraftNotices
from treatydesk.newsroom.notices.models import NoticeIndexPage, NoticeReviewTask, NoticeSource
from treatydesk.records.facts.models import Fact
from treatydesk.site.models import HomePage

from .sample_images import CREDIT, illustration
from .sample_pdf import text_pdf
from .seed import Item, load_seed

# The page type of each section of content/sections/, in the order they are made.
SECTION_PAGES = {"news": NewsIndexPage, "notices": NoticeIndexPage, "meetings": MeetingIndexPage}
NOTICE_WORKFLOW = "Notice review"
NOTICE_TASK = "Check the notice against the register"
RECENT_NOTICES_SINCE = dt.date(2019, 1, 1)


@transaction.atomic
def ensure_sections() -> None:
    """Create the news, notices and meetings index under each language's home page."""
    sections = load_seed().sections
    for slug, model in SECTION_PAGES.items():
        english = model.objects.filter(locale__language_code="en").first()
        for locale in Locale.objects.order_by("pk"):
            code = locale.language_code
            home = HomePage.objects.filter(locale=locale).first()
            if home is None or model.objects.child_of(home).exists():
                continue
            text = sections[slug].text(code)
            index = model(title=text["title"], slug=slug, locale=locale,
                          introduction=text["introduction"])
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
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    task = NoticeReviewTask.objects.filter(name=NOTICE_TASK).first()
    if task is None:
        task = NoticeReviewTask.objects.create(name=NOTICE_TASK)
        task.groups.set([moderators])
    workflow, created = Workflow.objects.get_or_create(name=NOTICE_WORKFLOW)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    else:
        # A site made before the task could e-mail: the workflow moves to the new task (a
        # notice already in review finishes on the old one, which no longer takes new ones).
        for step in WorkflowTask.objects.filter(workflow=workflow).exclude(task=task):
            if GroupApprovalTask.objects.filter(pk=step.task_id, name=NOTICE_TASK).exists():
                GroupApprovalTask.objects.filter(pk=step.task_id).update(active=False)
                step.task = task
                step.save(update_fields=["task"])
    for index in NoticeIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def _indexes(model) -> dict:
    return {index.locale.language_code: index
            for index in model.objects.select_related("locale").order_by("path")}


def _illustration(item: Item) -> CustomImage:
    """Draw an item's illustration and file it, described in English."""
    text = item.text("en")
    image = CustomImage(title=text["title"], description=text["alt"],
                        caption=text.get("caption", ""), credit=CREDIT)
    picture = item.facts["image"]
    image.file = ImageFile(io.BytesIO(illustration(picture["seed"], picture["palette"])),
                           name=f"{item.name}.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


@transaction.atomic
def create_default_news() -> int:
    """Publish the default news items in every language; return how many pages were made."""
    if NewsPage.objects.exists():
        return 0
    indexes = _indexes(NewsIndexPage)
    made = 0
    for item in load_seed().news:
        english = None
        image = _illustration(item) if "image" in item.facts else None
        for code, index in indexes.items():
            text = item.text(code)
            page = NewsPage(
                title=text["title"], slug=item.name, locale=index.locale,
                date=item.facts["date"], lead=text["lead"], body=text["body"],
                category=item.facts["category"], hero_image=image,
                # English is the image's own description and caption.
                hero_alt=text.get("alt", "") if code != "en" else "",
                hero_caption=text.get("caption", "") if code != "en" else "",
                search_description=text["lead"][:255],
            )
            if english is not None:
                page.translation_key = english.translation_key
            index.add_child(instance=page)
            page.tags.add(*item.facts["tags"])
            page.save_revision().publish()
            english = english or page
            made += 1
    return made


def _agenda_document(meeting: Item, agenda: Item, code: str) -> None:
    """File the sample agenda of ``meeting`` in ``code``, unless the library has it."""
    symbol = f"{meeting.facts['symbol']}/1"
    if CustomDocument.objects.filter(symbol=symbol, language=code).exists():
        return
    words, title = agenda.words[code], meeting.text(code)["title"]
    document = CustomDocument(title=f"{title}: {words['title'].lower()}", symbol=symbol,
                              language=code)
    pdf = text_pdf(f"{symbol} — {title}", [words["title"], *words["items"], words["note"]])
    document.file = ContentFile(pdf, name=f"{symbol.replace('/', '-')}-{code}.pdf")
    document._set_document_file_metadata()
    document.save()


@transaction.atomic
def create_default_meetings() -> int:
    """Publish the default meetings with their sample agendas; return how many pages."""
    if MeetingPage.objects.exists():
        return 0
    seed = load_seed()
    indexes = _indexes(MeetingIndexPage)
    made = 0
    for meeting in seed.meetings:
        symbol = f"{meeting.facts['symbol']}/1"
        # One sample agenda for each language the agenda is written in.
        for code in seed.agenda.words:
            _agenda_document(meeting, seed.agenda, code)
        english = None
        for code, index in indexes.items():
            text = meeting.text(code)
            page = MeetingPage(
                title=text["title"], slug=meeting.name, locale=index.locale,
                kind=meeting.facts["kind"], start_date=meeting.facts["start"],
                end_date=meeting.facts["end"], place=text["place"],
                presidency=text["presidency"], summary=text["summary"], body=text["body"],
                search_description=text["summary"][:255],
            )
            page.documents.add(MeetingDocument(kind="agenda", symbol=symbol,
                                               title=seed.agenda.text(code)["title"]))
            if english is not None:
                page.translation_key = english.translation_key
            index.add_child(instance=page)
            page.save_revision().publish()
            english = english or page
            made += 1
    return made


def publish_recent_notices(since: dt.date = RECENT_NOTICES_SINCE) -> int:
    """Draft and publish the notices of the site treaty's instruments and withdrawals since
    ``since`` that have none yet; return how many pages were published."""
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
