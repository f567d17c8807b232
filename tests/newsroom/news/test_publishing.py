"""Drafts, revisions and scheduled publishing come from Wagtail; the job that runs it works."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

from treatydesk.newsroom.news.models import NewsIndexPage, NewsPage


def draft(index, **fields):
    page = NewsPage(title="Presidency visits Geneva", slug="presidency-visits-geneva",
                    lead="The President met delegations in Geneva.", date=dt.date(2026, 3, 2),
                    category="presidency", **fields)
    index.add_child(instance=page)
    return page


def test_scheduled_publishing_goes_live_when_the_job_runs(client, fresh_site, editor):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    page = draft(index, live=False)
    page.go_live_at = timezone.now() + dt.timedelta(hours=1)
    page.save_revision(user=editor).publish(user=editor)
    page.refresh_from_db()
    assert not page.live
    assert client.get("/en/news/presidency-visits-geneva/").status_code == 404

    later = timezone.now() + dt.timedelta(hours=2)
    from unittest import mock
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
    assert client.get("/en/news/presidency-visits-geneva/").status_code == 200


def test_revisions_can_be_compared_and_rolled_back(fresh_site, editor):
    page = NewsPage.objects.get(locale__language_code="en", slug="vanuatu-accedes")
    first = page.get_latest_revision()
    page.title = "Vanuatu accedes"
    page.save_revision(user=editor).publish(user=editor)
    assert page.revisions.count() == 2
    first.publish(user=editor, previous_revision=first)
    page.refresh_from_db()
    assert page.title == "Vanuatu joins the Convention"


def test_the_editor_preview_renders_a_draft(client, fresh_site, editor):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    page = draft(index, live=False)
    page.save_revision(user=editor)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert b"Presidency visits Geneva" in response.content
