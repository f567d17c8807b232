"""No role skips review: every role against every way of publishing a notice.

The notices are under the "Notice review" workflow (Moderators approve). Editors, translators,
register keepers and administrators may not publish one directly — not from the editor, not by
creating one published, not by a bulk action, not by copying it published, not by scheduling
it for the command that publishes scheduled pages; Moderators and superusers may. The site has
no write API (no URL under /api/). News stay publishable by the Editors (no workflow there).
"""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from treatydesk.security.accounts.roles import ROLES, ensure_roles

pytestmark = pytest.mark.django_db

MAY_PUBLISH_NOTICES = {"Moderators"}


@pytest.fixture
def notice(site_pages):
    from treatydesk.newsroom.notices.models import NoticeIndexPage, NoticePage
    from treatydesk.setup.newsroom import ensure_notice_workflow

    ensure_roles()
    ensure_notice_workflow()
    index = NoticeIndexPage.objects.get(locale__language_code="en")
    page = index.add_child(instance=NoticePage(
        title="Iraq ratifies", slug="iraq-ratifies", date=dt.date(2013, 5, 14),
        text="Iraq deposited its instrument of ratification.", live=False))
    page.save_revision()
    return NoticePage.objects.get(pk=page.pk)


def member(group):
    user = get_user_model().objects.create_user(group.lower().replace(" ", "-"),
                                                password="x" * 16)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return get_user_model().objects.get(pk=user.pk), client


def live(page) -> bool:
    page.refresh_from_db()
    return page.live


GROUPS = [role.group for role in ROLES]


@pytest.mark.parametrize("group", GROUPS)
def test_who_may_publish_a_notice(notice, group):
    user, _client = member(group)
    tester = notice.permissions_for_user(user)
    assert tester.can_publish() == (group in MAY_PUBLISH_NOTICES)
    if group not in MAY_PUBLISH_NOTICES:
        assert not notice.get_parent().permissions_for_user(user).can_publish_subpage()
        assert not tester.can_unschedule()


@pytest.mark.parametrize("group", sorted(set(GROUPS) - MAY_PUBLISH_NOTICES))
def test_the_page_editor_does_not_publish_for_other_roles(notice, group):
    _user, client = member(group)
    client.post(f"/admin/pages/{notice.pk}/edit/", {
        "title": notice.title, "slug": notice.slug, "date": "2013-05-14",
        "text": notice.text, "action-publish": "action-publish",
    })
    assert not live(notice)


@pytest.mark.parametrize("group", sorted(set(GROUPS) - MAY_PUBLISH_NOTICES))
def test_bulk_publish_does_not_publish_for_other_roles(notice, group):
    _user, client = member(group)
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={notice.pk}", {})
    assert not live(notice)


@pytest.mark.parametrize("group", sorted(set(GROUPS) - MAY_PUBLISH_NOTICES))
def test_copying_does_not_publish_for_other_roles(notice, group):
    from treatydesk.newsroom.notices.models import NoticePage

    _user, client = member(group)
    notice.save_revision().publish()  # a live notice, copied "published"
    client.post(f"/admin/pages/{notice.pk}/copy/", {
        "new_title": "Copy", "new_slug": "copy", "new_parent_page": notice.get_parent().pk,
        "copy_subpages": "", "publish_copies": "on", "alias": "",
    })
    assert not NoticePage.objects.filter(slug="copy", live=True).exists()


@pytest.mark.parametrize("group", sorted(set(GROUPS) - MAY_PUBLISH_NOTICES))
def test_scheduling_for_the_publish_command_is_refused_to_other_roles(notice, group):
    _user, client = member(group)
    client.post(f"/admin/pages/{notice.pk}/edit/", {
        "title": notice.title, "slug": notice.slug, "date": "2013-05-14",
        "text": notice.text, "go_live_at": "2013-05-14 10:00", "action-publish": "on",
    })
    call_command("publish_scheduled")
    assert not live(notice)


def test_moderators_publish_from_the_editor_and_by_approving(notice):
    _user, client = member("Moderators")
    client.post(f"/admin/pages/{notice.pk}/edit/", {
        "title": notice.title, "slug": notice.slug, "date": "2013-05-14",
        "text": notice.text, "action-publish": "action-publish",
    })
    assert live(notice)


def test_an_editor_submits_and_a_moderator_approves(notice):
    _editor, editor_client = member("Editors")
    editor_client.post(f"/admin/pages/{notice.pk}/edit/", {
        "title": notice.title, "slug": notice.slug, "date": "2013-05-14",
        "text": notice.text, "action-submit": "action-submit",
    })
    assert not live(notice) and notice.workflow_in_progress
    _moderator, moderator_client = member("Moderators")
    task_state = notice.current_workflow_task_state
    moderator_client.post(
        f"/admin/pages/workflow/action/{notice.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert live(notice)


def test_editors_still_publish_news(notice):
    from treatydesk.newsroom.news.models import NewsIndexPage

    editor, _client = member("Editors")
    news = NewsIndexPage.objects.get(locale__language_code="en")
    assert news.permissions_for_user(editor).can_publish_subpage()


def test_there_is_no_write_api(notice):
    _user, client = member("Editors")
    for url in ("/api/v2/pages/", "/api/pages/", "/admin/api/main/pages/"):
        assert client.post(url, {}).status_code in (403, 404, 405)
