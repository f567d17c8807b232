"""Every kind of message the site sends verifies as ours (``core.mailtrust``): the one path.

Reminders, subscription confirmations and test messages call ``mail.outgoing.sending``; what
Django and Wagtail send by themselves (password resets, moderation notifications, error
reports) reaches the same path through ``EMAIL_BACKEND``. Mailings have their own tests
(``tests/mail/mailings``).
"""

import datetime as dt

import pytest
from django.core import mail

from tests.mail.mailings.conftest import dkim_dir, dkim_template, keystore  # noqa: F401
from treatydesk.core.mailtrust import verify_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(settings, keystore):  # noqa: F811
    settings.EMAIL_BACKEND = "treatydesk.mail.outgoing.sending.OutgoingBackend"
    settings.ADMINS = [("Webmaster", "webmaster@ccm.example")]
    settings.SERVER_EMAIL = settings.DEFAULT_FROM_EMAIL
    return keystore


def assert_all_ours(store, expected):
    assert len(mail.outbox) == expected
    for message in mail.outbox:
        result = verify_message(message.signed, store)
        assert result.authentic, (message.subject, result)
        assert "Message-ID" in message.extra_headers


def test_password_reset(signed, django_user_model):
    from treatydesk.security.accounts.reset import send_password_reset

    django_user_model.objects.create_user("editor", "editor@ccm.example", "x" * 16)
    sent = send_password_reset.call(
        "editor@ccm.example", "www.ccm.example", True, "en",
        "wagtailadmin/account/password_reset/email_subject.txt",
        "wagtailadmin/account/password_reset/email.txt")
    assert sent == 1
    assert_all_ours(signed, 1)


def test_obligation_reminder(signed, fresh_site):
    from treatydesk.records.obligations.models import ContactPoint
    from treatydesk.records.obligations.reminders import send_reminders

    ContactPoint.objects.create(treaty="CCM", state="TCD", name="Mission",
                                email="mission@example.td", language="fr")
    assert len(send_reminders("CCM", dt.date(2014, 1, 10))) == 1
    assert_all_ours(signed, 1)


def test_subscription_confirmation(signed):
    from treatydesk.mail.subscribers.models import Subscriber
    from treatydesk.mail.subscribers.tasks import send_confirmation

    subscriber = Subscriber.objects.create(email="reader@university.example", language="es")
    assert send_confirmation.call(subscriber.pk)
    assert_all_ours(signed, 1)


def test_wagtail_and_django_notifications(signed):
    from django.core.mail import mail_admins, send_mail
    from wagtail.admin.mail import send_mail as wagtail_send_mail

    wagtail_send_mail("The notice awaits your review", "Please review.",
                      ["moderator@ccm.example"])
    mail_admins("Server error", "Traceback …")
    send_mail("Anything else", "Text.", None, ["someone@example.org"])
    assert_all_ours(signed, 3)


def test_test_message(signed):
    from treatydesk.mail.outgoing import sending
    from treatydesk.mail.outgoing.messages import new_message_id_value, sample_message

    assert sending.send([sample_message("someone@example.org",
                                        new_message_id_value("sample"))]) == 1
    assert_all_ours(signed, 1)
