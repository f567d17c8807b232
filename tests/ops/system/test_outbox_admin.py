"""The admin's Outbox: superusers list, open and verify what the site would have sent."""

import pytest
from django.contrib.auth.models import Permission
from django.core.mail import get_connection
from django.urls import reverse

from tests.mail.mailings.conftest import dkim_dir, dkim_template, keystore  # noqa: F401
from treatydesk.mail.outgoing.messages import build_message, new_message_id_value
from treatydesk.mail.outgoing.outbox import MAILDIR_BACKEND, messages

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(tmp_path, settings, keystore):  # noqa: F811
    settings.TREATYDESK_OUTBOX_DIR = tmp_path / "outbox"
    settings.TREATYDESK_MAIL_BACKEND = MAILDIR_BACKEND
    settings.DEFAULT_FROM_EMAIL = "Secretariat <notices@ccm.example>"
    message = build_message(to="reader@example.org", subject="Confirm your subscription",
                            text="Open https://www.ccm.example/en/subscribe/confirm/x/",
                            message_id=new_message_id_value("m1"), language="en", topic=None,
                            unsubscribe=None)
    with get_connection(MAILDIR_BACKEND) as connection:
        connection.send_messages([message])
    [kept] = messages()
    return kept


def test_a_superuser_lists_opens_and_reads_the_source(client, django_user_model, sent):
    client.force_login(django_user_model.objects.create_superuser("a", "a@e.org", "x" * 12))
    listing = client.get(reverse("system_outbox")).content.decode()
    assert "reader@example.org" in listing and "Confirm your subscription" in listing
    page = client.get(reverse("system_outbox_message", args=[sent.key])).content.decode()
    assert "Authentic: signed with one of our keys." in page
    assert "/en/subscribe/confirm/x/" in page
    source = client.get(reverse("system_outbox_source", args=[sent.key]))
    assert source["Content-Type"].startswith("text/plain")
    assert source.content == sent.raw
    missing = client.get(reverse("system_outbox_message", args=["nope"]), follow=True)
    assert missing.status_code == 404


def test_a_tampered_message_is_shown_as_not_ours(client, django_user_model, sent, settings):
    path = next((settings.TREATYDESK_OUTBOX_DIR / "new").iterdir())
    path.write_bytes(sent.raw.replace(b"Open https", b"Open http"))
    client.force_login(django_user_model.objects.create_superuser("a", "a@e.org", "x" * 12))
    page = client.get(reverse("system_outbox_message", args=[sent.key])).content.decode()
    assert "Not from us" in page


def test_other_editors_may_not_read_the_outbox(client, django_user_model, sent):
    editor = django_user_model.objects.create_user("e", "e@e.org", "x" * 12)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for url in (reverse("system_outbox"), reverse("system_outbox_source", args=[sent.key])):
        assert client.get(url).status_code in (302, 403)
