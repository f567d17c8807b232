"""Contact points live in a restricted part of the admin: only editors given their permissions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from treatydesk.records.obligations.models import ContactPoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    return ContactPoint.objects.create(treaty="CCM", state="CMR", name="Permanent Mission",
                                       email="mission@example.cm")


def editor(django_user_model, name, *groups):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-editor-1234")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                     codename="access_admin"))
    user.user_permissions.add(Permission.objects.get(content_type__app_label="obligations",
                                                     codename="view_report"))
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


def test_editor_without_the_permission_sees_no_contact_points(client, django_user_model, contact):
    client.force_login(editor(django_user_model, "plain"))
    listing = client.get(reverse("wagtailsnippets_obligations_contactpoint:list"))
    assert listing.status_code in (302, 403)
    assert b"mission@example.cm" not in listing.content
    menu = client.get(reverse("wagtailsnippets_obligations_report:list")).content.decode()
    assert "Reports received" in menu
    assert "Contact points" not in menu


def test_contact_point_keepers_see_and_edit_them(client, django_user_model, contact):
    client.force_login(editor(django_user_model, "keeper", "Contact point keepers"))
    listing = client.get(reverse("wagtailsnippets_obligations_contactpoint:list"))
    assert listing.status_code == 200
    assert b"Permanent Mission" in listing.content
    edit = reverse("wagtailsnippets_obligations_contactpoint:edit", args=[contact.pk])
    response = client.post(edit, {"treaty": "CCM", "state": "Cameroon", "active": "on",
                                  "name": "Permanent Mission", "email": "new@example.cm",
                                  "role": "", "language": "fr",
                                  "obligations": ["initial-report", "annual-report"],
                                  "note": ""})
    assert response.status_code == 302, response.content[:3000]
    contact.refresh_from_db()
    assert contact.email == "new@example.cm" and contact.state == "CMR"
    assert contact.obligation_list == ["initial-report", "annual-report"]
