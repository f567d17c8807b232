"""The five roles: created by init, each able to do its work and not the others'."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from treatydesk.security.accounts.roles import ROLES, ensure_roles

pytestmark = pytest.mark.django_db


def member_of(group_name: str, username: str | None = None):
    user = get_user_model().objects.create_user(username or group_name.lower().replace(" ", "-"),
                                                password="x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)  # without cached permissions


@pytest.fixture
def roles(db):
    ensure_roles()


@pytest.fixture
def home(roles):
    from treatydesk.setup.site import ensure_home_pages, ensure_locales

    ensure_locales()
    ensure_home_pages()
    from treatydesk.site.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


def test_init_creates_the_five_roles():
    from io import StringIO

    out = StringIO()
    ensure_roles(out)
    names = {"Editors", "Moderators", "Register keepers", "Translators", "Administrators"}
    assert names <= set(Group.objects.values_list("name", flat=True))
    assert {role.group for role in ROLES} == names
    assert "Roles:" in out.getvalue()


def test_running_it_again_changes_nothing_and_keeps_hand_made_grants(roles):
    from django.contrib.auth.models import Permission

    keepers = Group.objects.get(name="Register keepers")
    extra = Permission.objects.get(codename="view_redirect")
    keepers.permissions.add(extra)
    before = {group.name: set(group.permissions.values_list("pk", flat=True))
              for group in Group.objects.all()}
    ensure_roles()
    after = {group.name: set(group.permissions.values_list("pk", flat=True))
             for group in Group.objects.all()}
    assert after == before
    assert extra in keepers.permissions.all()


def test_every_role_may_open_the_admin(roles):
    for role in ROLES:
        assert member_of(role.group).has_perm("wagtailadmin.access_admin"), role.group


def test_editors_publish_pages_but_do_not_touch_the_register(home):
    editor = member_of("Editors")
    assert home.permissions_for_user(editor).can_publish()
    assert editor.has_perm("wagtailimages.add_image")
    assert editor.has_perm("simple_translation.submit_translation")  # Translate, to a draft
    assert not editor.has_perm("registry.add_fact")
    assert not home.permissions_for_user(editor).can_unlock()


def test_register_keepers_keep_the_register_and_nothing_else(home):
    keeper = member_of("Register keepers")
    assert keeper.has_perm("registry.add_fact") and keeper.has_perm("registry.change_fact")
    assert keeper.has_perm("registry.view_auditentry")
    assert not keeper.has_perm("registry.change_auditentry")
    assert not home.permissions_for_user(keeper).can_edit()


def test_translators_edit_but_do_not_publish(home):
    translator = member_of("Translators")
    assert home.permissions_for_user(translator).can_edit()
    assert not home.permissions_for_user(translator).can_publish()
    assert translator.has_perm("simple_translation.submit_translation")


def test_moderators_publish_unlock_and_delete(home):
    moderator = member_of("Moderators")
    permissions = home.permissions_for_user(moderator)
    assert permissions.can_publish() and permissions.can_unlock()
    assert moderator.has_perm("wagtaildocs.delete_document")
    assert not moderator.has_perm("auth.add_user")


def test_administrators_manage_accounts_and_lost_authenticators_without_being_superusers(home):
    administrator = member_of("Administrators")
    assert not administrator.is_superuser
    assert administrator.has_perm("auth.add_user") and administrator.has_perm("auth.change_group")
    assert administrator.has_perm("otp_totp.delete_totpdevice")
    assert home.permissions_for_user(administrator).can_publish()


def test_the_admin_shows_the_register_to_keepers_only(client, roles):
    client.force_login(member_of("Register keepers"))
    assert client.get("/admin/snippets/registry/fact/").status_code == 200
    client.force_login(member_of("Translators"))
    response = client.get("/admin/snippets/registry/fact/")
    assert response.status_code in (302, 403)
