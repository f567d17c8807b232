"""Fixtures of the mail tests: DKIM keys in a folder of the test's own, an SMTP server on
loopback that keeps what it receives, subscribers, and a published notice to send."""

from __future__ import annotations

import datetime as dt
import shutil
import threading

import pytest
from aiosmtpd.controller import Controller

from tests.dkim_keys import DOMAIN, ED_SELECTOR, RSA_SELECTOR, dkim_template  # noqa: F401
from tests.newsroom_fixtures import ccm_before_iraq, site  # noqa: F401
from tests.ports import free_tcp_port


@pytest.fixture
def dkim_dir(dkim_template, tmp_path, settings):  # noqa: F811
    """The site's key store, in a folder of this test's own, with an RSA and an Ed25519 key."""
    root = tmp_path / "dkim"
    shutil.copytree(dkim_template, root)
    settings.TREATYDESK_DKIM_DIR = root
    return root


@pytest.fixture
def keystore(dkim_dir):
    from treatydesk.mail.outgoing.keystore import get_keystore

    return get_keystore()


class Capture:
    """An aiosmtpd handler that keeps each message with its envelope."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos),
                                  envelope.original_content or envelope.content))
        return "250 Message accepted for delivery"

    def by_recipient(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _sender, recipients, _data in self.messages:
            for recipient in recipients:
                counts[recipient] = counts.get(recipient, 0) + 1
        return counts


@pytest.fixture
def smtp_server():
    """An SMTP server on 127.0.0.1 that keeps every message it accepts."""
    capture = Capture()
    controller = Controller(capture, hostname="127.0.0.1", port=free_tcp_port())
    controller.start()
    try:
        yield capture, controller.port
    finally:
        controller.stop()


@pytest.fixture
def real_smtp(settings, smtp_server, keystore):
    """Send through the real path: the DKIM-signing SMTP backend to the loopback server."""
    capture, port = smtp_server
    settings.TREATYDESK_MAIL_BACKEND = "treatydesk.mail.outgoing.backends.DkimSmtpBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    return capture


def make_subscriber(email, language="en", status="active", **topics):
    from treatydesk.mail.subscribers.models import Subscriber

    values = {"notices": True, "news": False, "meetings": False, **topics}
    return Subscriber.objects.create(email=email, language=language, status=status, **values)


@pytest.fixture
def iraq_notice(ccm_before_iraq):  # noqa: F811
    """The English notice of Iraq's ratification, drafted from the register and published."""
    from treatydesk.newsroom.notices.models import NoticePage
    from treatydesk.records.facts.actions import RecordFact
    from treatydesk.records.facts.models import Fact

    fact = Fact(treaty="CCM", state="IRQ", state_name="Iraq", kind="ratification",
                date=dt.date(2013, 5, 14))
    RecordFact(fact, actor="test").execute()
    page = NoticePage.objects.get(source__fact=fact, locale__language_code="en")
    page.get_latest_revision().publish()
    return NoticePage.objects.get(pk=page.pk)
