"""The mail in the admin: "Publish and e-mail subscribers", "E-mail to subscribers", progress."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from treatydesk.mail.mailings.models import DeliveryState, Mailing

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org",
                                                      "correct horse battery")
    client.force_login(user)
    return user


def edit_form(page, action):
    return nested_form_data({
        "title": page.title, "slug": page.slug, "date": page.date.isoformat(),
        "text": page.text, "body": rich_text(""), "instrument": "",
        "comments": inline_formset([]), "action-publish": action,
    })


def test_publish_and_mail_from_the_edit_view(client, editor, iraq_notice, keystore,
                                              django_capture_on_commit_callbacks):
    make_subscriber("reader@university.example")
    iraq_notice.unpublish()
    edit = reverse("wagtailadmin_pages:edit", args=[iraq_notice.pk])
    page = client.get(edit)
    assert b"Publish and e-mail subscribers" in page.content
    assert b'value="publish-and-mail"' in page.content
    data = edit_form(iraq_notice, "publish-and-mail")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, data)
    assert response.status_code == 302, response.content[:2000]
    mailing = Mailing.objects.get()
    assert mailing.page_id == iraq_notice.pk and mailing.created_by == editor
    assert [m.to for m in mail.outbox] == [["reader@university.example"]]


def test_plain_publish_sends_nothing(client, editor, iraq_notice, keystore,
                                     django_capture_on_commit_callbacks):
    make_subscriber("reader@university.example")
    edit = reverse("wagtailadmin_pages:edit", args=[iraq_notice.pk])
    data = edit_form(iraq_notice, "action-publish")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, data)
    assert not Mailing.objects.exists() and mail.outbox == []


def test_mail_a_live_page_then_follow_its_progress(client, editor, iraq_notice, keystore,
                                                   django_capture_on_commit_callbacks):
    make_subscriber("reader@university.example")
    make_subscriber("lecteur@universite.example", language="fr")
    url = reverse("mailing_mail_page", args=[iraq_notice.pk])
    confirm = client.get(url)
    assert b"will be sent to 1 subscriber" in confirm.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    mailing = Mailing.objects.get()
    assert response.url == reverse("mailing_detail", args=[mailing.pk])
    detail = client.get(response.url)
    assert b"1 of 1 sent." in detail.content
    assert b"reader@university.example" in detail.content
    assert mailing.deliveries.get().state == DeliveryState.SENT
    index = client.get(reverse("mailing_index"))
    assert b"Ratification: Iraq" in index.content


def test_readers_without_permission_see_nothing(client, iraq_notice, django_user_model):
    user = django_user_model.objects.create_user("reader", "r@example.org", "x" * 12)
    client.force_login(user)
    assert client.get(reverse("mailing_index")).status_code in (302, 403)
    assert client.post(reverse("mailing_mail_page", args=[iraq_notice.pk])).status_code \
        in (302, 403)
    assert not Mailing.objects.exists()
