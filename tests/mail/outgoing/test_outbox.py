"""Without SMTP settings, mail is signed and delivered to the outbox Maildir, and verifies."""

import mailbox

import pytest
from django.core.mail import get_connection

from tests.mail.mailings.conftest import dkim_dir, dkim_template, keystore  # noqa: F401
from treatydesk.core.mailtrust import Verdict, verify_message
from treatydesk.mail.outgoing import outbox
from treatydesk.mail.outgoing.backends import HandoverRefused
from treatydesk.mail.outgoing.messages import build_message, new_message_id_value

BACKEND = "treatydesk.mail.outgoing.outbox.DkimMaildirBackend"


@pytest.fixture
def outbox_dir(tmp_path, settings, keystore):  # noqa: F811
    settings.TREATYDESK_OUTBOX_DIR = tmp_path / "outbox"
    settings.TREATYDESK_MAIL_BACKEND = BACKEND
    settings.DEFAULT_FROM_EMAIL = "Secretariat <notices@ccm.example>"
    return tmp_path / "outbox"


def message(to="reader@example.org", subject="Confirm your subscription"):
    return build_message(to=to, subject=subject, text="Open this link.",
                         message_id=new_message_id_value("abc123"), language="en",
                         topic=None, unsubscribe=None)


def test_a_message_lands_signed_in_the_maildir_and_verifies(outbox_dir, keystore):  # noqa: F811
    with get_connection(BACKEND) as connection:
        assert connection.send_messages([message()]) == 1
    box = mailbox.Maildir(str(outbox_dir), create=False)
    [key] = box.keys()
    raw = box.get_bytes(key)
    assert raw.startswith(b"DKIM-Signature:")
    assert verify_message(raw, keystore).verdict is Verdict.AUTHENTIC
    [listed] = outbox.messages()
    assert (listed.key, listed.to, listed.subject) == (key, "reader@example.org",
                                                      "Confirm your subscription")
    assert "Open this link." in outbox.message(key).text


def test_a_message_whose_claim_is_lost_is_not_kept(outbox_dir):
    lost = message()
    lost.before_commit = lambda: False
    with pytest.raises(HandoverRefused), get_connection(BACKEND) as connection:
        connection.send_messages([lost])
    assert outbox.messages() == []


def test_keys_that_are_not_maildir_keys_find_nothing(outbox_dir):
    with get_connection(BACKEND) as connection:
        connection.send_messages([message()])
    for key in ("../../etc/passwd", "", "new/x", "nonexistent.key"):
        assert outbox.message(key) is None


def test_the_outbox_is_used_only_without_smtp(settings):
    settings.TREATYDESK_MAIL_BACKEND = BACKEND
    assert outbox.uses_outbox()
    settings.TREATYDESK_MAIL_BACKEND = "treatydesk.mail.outgoing.backends.DkimSmtpBackend"
    assert not outbox.uses_outbox()


def test_init_makes_a_signing_key_for_the_outbox_once(settings, tmp_path):
    from io import StringIO

    from treatydesk.mail.outgoing.keystore import get_keystore

    settings.TREATYDESK_DKIM_DIR = tmp_path / "dkim"
    settings.TREATYDESK_MAIL_BACKEND = BACKEND
    settings.DEFAULT_FROM_EMAIL = "notices@localhost"
    out = StringIO()
    outbox.ensure_outbox_key(out)
    outbox.ensure_outbox_key(out)
    assert len(get_keystore().active("localhost")) == 1
    assert out.getvalue().count("Made DKIM key") == 1
