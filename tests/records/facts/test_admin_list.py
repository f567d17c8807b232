"""The register's admin list opens on the site's treaty, writes dates in the admin's language,
and a new fact's treaty field starts on the site's treaty."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("lists", "lists@example.org", "pw-lists-1")
    client.force_login(user)
    return user


def test_list_opens_on_the_site_treaty_with_written_out_dates(client, editor, fresh_site):
    html = client.get(reverse("wagtailsnippets_registry_fact:list")).content.decode()
    assert "12 November 2009" in html or "3 December 2008" in html
    assert "Sept. " not in html and "Dec. 3, 2008" not in html
    # APMBC facts are only a filter away.
    everything = client.get(reverse("wagtailsnippets_registry_fact:list") + "?treaty=")
    assert everything.status_code == 200
    ccm_only = client.get(reverse("wagtailsnippets_registry_fact:list") + "?treaty=CCM")
    apmbc = client.get(reverse("wagtailsnippets_registry_fact:list") + "?treaty=APMBC")
    assert ccm_only.context["paginator"].count < everything.context["paginator"].count
    assert apmbc.context["paginator"].count > 0
    default = client.get(reverse("wagtailsnippets_registry_fact:list"))
    assert default.context["paginator"].count == ccm_only.context["paginator"].count


def test_add_form_starts_on_the_site_treaty(client, editor, settings):
    html = client.get(reverse("wagtailsnippets_registry_fact:add")).content.decode()
    assert f'<option value="{settings.TREATYDESK_TREATY}" selected>' in html
