"""Renew the page cache's generation when what public pages show has changed.

Pages change when Wagtail publishes, unpublishes or moves a page, when the register or the
obligations change (their apps' signals), and when a photo, document, site or redirect is
saved or deleted. The renewal waits for the transaction to commit, so no request can render
and keep the old content after it. Connected from the app's ``ready()``.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from treatydesk.records.facts.signals import fact_deleted, fact_recorded, register_imported
from treatydesk.records.obligations.signals import obligation_facts_changed

from . import store


def invalidate_on_commit(**kwargs) -> None:
    transaction.on_commit(store.invalidate)


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move,
                   fact_recorded, fact_deleted, register_imported, obligation_facts_changed):
        signal.connect(invalidate_on_commit, dispatch_uid=f"pagecache-{id(signal)}")
    for model in (get_image_model(), get_document_model(), Site, Redirect):
        for signal in (post_save, post_delete):
            signal.connect(invalidate_on_commit, sender=model,
                           dispatch_uid=f"pagecache-{model._meta.label}-{id(signal)}")
