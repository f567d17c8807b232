"""The one path of outgoing mail (treatydesk/mail/outgoing): built, signed, verifiable."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail import get_connection

from treatydesk.core.mailtrust import KeyStore, verify_message
from treatydesk.core.mailtrust.verify import Verdict
from treatydesk.mail.outgoing.keystore import get_keystore, sending_domain
from treatydesk.mail.outgoing.messages import new_message_id, new_message_id_value, sample_message


@pytest.fixture
def keys(settings, tmp_path):
    settings.TREATYDESK_DKIM_DIR = tmp_path / "dkim"
    KeyStore(settings.TREATYDESK_DKIM_DIR).generate(sending_domain(), "td2026e", "ed25519")
    return get_keystore()


def send(message) -> None:
    """Send as the site does: through TREATYDESK_MAIL_BACKEND (in tests, the signing locmem)."""
    get_connection(settings.TREATYDESK_MAIL_BACKEND).send_messages([message])


def test_a_message_sent_is_signed_and_verifies_as_ours(keys):
    message_id = new_message_id_value(new_message_id())
    send(sample_message("reader@university.example", message_id))
    (sent,) = mail.outbox
    result = verify_message(sent.signed, keys)
    assert result.verdict == Verdict.AUTHENTIC, result.reasons
    assert result.message_id == f"<{message_id}>" or result.message_id == message_id
    assert sent.extra_headers["List-Id"] and "List-Unsubscribe" in sent.extra_headers


def test_a_changed_word_no_longer_verifies(keys):
    send(sample_message("reader@university.example", new_message_id_value(new_message_id())))
    (sent,) = mail.outbox
    forged = sent.signed.replace(b"83rd", b"84th", 1)
    assert forged != sent.signed
    assert verify_message(forged, keys).verdict != Verdict.AUTHENTIC


def test_message_ids_are_random_and_in_our_domain():
    first, second = new_message_id(), new_message_id()
    assert first != second and len(first) == 32
    assert new_message_id_value(first).endswith("@" + sending_domain())
