"""The notice editor and the dashboard show what a notice announces and why it needs review."""

import datetime as dt

import pytest

from tests.newsroom.notices.test_drafting import notices_by_language, publish, record_iraq
from tests.newsroom_fixtures import ccm_before_iraq, site  # noqa: F401
from treatydesk.records.facts.actions import DeleteFact


@pytest.fixture
def editor_client(client, db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 16)
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_editor_shows_the_register_fact_and_the_review_reason(editor_client,
                                                                  ccm_before_iraq):  # noqa: F811
    fact = record_iraq()
    english = notices_by_language(fact)["en"]
    publish(english)
    record_iraq(dt.date(2013, 6, 3))
    html = editor_client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "Drafted from the register" in html
    assert "Needs review:" in html and "2013-05-14 → 2013-06-03" in html
    dashboard = editor_client.get("/admin/").content.decode()
    assert "Published notices to review" in dashboard and english.title in dashboard


@pytest.mark.django_db
def test_the_editor_warns_when_the_fact_was_deleted(editor_client, ccm_before_iraq):  # noqa: F811
    fact = record_iraq()
    english = notices_by_language(fact)["en"]
    DeleteFact(fact, actor="test").execute()
    html = editor_client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "has been deleted. The notice cannot be published" in html
    assert 'name="action-publish"' not in html
    response = editor_client.post(f"/admin/pages/{english.pk}/edit/", {
        "title": english.title, "slug": english.slug, "date": "2013-05-14",
        "text": english.text, "action-publish": "action-publish",
    })
    english.refresh_from_db()
    assert not english.live
    assert response.status_code in (200, 302, 403)


@pytest.mark.django_db
def test_editors_cannot_create_notices_by_hand(editor_client, ccm_before_iraq):  # noqa: F811
    """Notices are drafted from the register only: the add form is refused (Wagtail sends a
    refused editor back to the dashboard), so is a post to it, and the index's page-type
    chooser does not offer a notice."""
    from treatydesk.newsroom.notices.models import NoticeIndexPage, NoticePage

    index = NoticeIndexPage.objects.get(locale__language_code="en")
    add = f"/admin/pages/add/notices/noticepage/{index.pk}/"
    assert not NoticePage.can_create_at(index)
    refused = editor_client.get(add)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    before = NoticePage.objects.count()
    posted = editor_client.post(add, {"title": "By hand", "slug": "by-hand",
                                      "date": "2013-05-14", "text": "Written by hand.",
                                      "action-publish": "action-publish"})
    assert (posted.status_code, posted["Location"]) == (302, "/admin/")
    assert NoticePage.objects.count() == before
    chooser = editor_client.get(f"/admin/pages/{index.pk}/add_subpage/", follow=True)
    assert "/add/notices/noticepage/" not in chooser.content.decode()
