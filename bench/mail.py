"""Measure what DKIM signing costs when handing notices to an SMTP server.

Sends the same N notices twice over one SMTP connection to an aiosmtpd server on
loopback, running in a process of its own as a real mail server would: once
unsigned, once signed (rsa-sha256, plus ed25519-sha256 unless --rsa-only), and
prints messages per second for each and their ratio. The target is a ratio of at
least 0.5: signing may cost less than half the throughput.

    .venv/bin/python bench/mail.py [--count N] [--rsa-only]
"""

from __future__ import annotations

import argparse
import multiprocessing
import smtplib
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from treatydesk.mailtrust.keys import KeyStore  # noqa: E402
from treatydesk.mailtrust.signing import list_unsubscribe_headers, sign_message_bytes  # noqa: E402
from treatydesk.mailtrust.verify import verify_message  # noqa: E402

DOMAIN = "ccm.example"
TARGET_RATIO = 0.5
BODY = (
    "As the 83rd State to ratify the Convention on Cluster Munitions, Iraq will become a "
    "State Party on 1 November 2013, in accordance with Article 17(2).\n\n"
) * 12  # about 2 KB, the size of a notice


def serve(connection) -> None:
    """Run an SMTP server that counts messages until told to stop (in a child process)."""
    from aiosmtpd.controller import Controller

    class Counter:
        received = 0

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            Counter.received += 1
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    connection.send(port)
    if connection.poll(3600):  # stop when asked, or after an hour whatever happens
        connection.recv()
    controller.stop()
    connection.send(Counter.received)


def notices(count: int) -> list[bytes]:
    """Return ``count`` distinct notices as Django would hand them to the backend."""
    unsubscribe = list_unsubscribe_headers(
        f"https://www.{DOMAIN}/mail/unsubscribe/Zk3r9QyHc2u5WqTq0pYl8nA7xE1bV4sJ6mD0oK2iR8g/"
    )
    date = format_datetime(datetime.now(UTC))
    messages = []
    for number in range(count):
        message = EmailMessage(policy=SMTP)
        message["From"] = f"Convention Secretariat <notices@{DOMAIN}>"
        message["To"] = f"reader{number}@university.example"
        message["Subject"] = "Iraq becomes the 83rd State Party"
        message["Date"] = date
        message["Message-ID"] = make_msgid(domain=DOMAIN)
        for name, value in unsubscribe.items():
            message[name] = value
        message.set_content(BODY)
        messages.append(message.as_bytes())
    return messages


def send_all(port: int, messages: list[bytes], keystore: KeyStore | None) -> float:
    """Send every message over one connection; return the seconds taken."""
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        start = time.perf_counter()
        for raw in messages:
            if keystore is not None:
                raw = sign_message_bytes(raw, keystore)
            client.sendmail(f"notices@{DOMAIN}", ["reader@university.example"], raw)
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="messages per run")
    parser.add_argument("--rsa-only", action="store_true", help="no Ed25519 signature")
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as directory:
        keystore = KeyStore(directory)
        keystore.generate(DOMAIN, "bench-rsa", "rsa")
        if not options.rsa_only:
            keystore.generate(DOMAIN, "bench-ed", "ed25519")
        messages = notices(options.count)
        sample = sign_message_bytes(messages[0], keystore)
        if not verify_message(sample, keystore).authentic:
            print("signed sample does not verify; not measuring")
            return 1

        parent, child = multiprocessing.Pipe()
        server = multiprocessing.Process(target=serve, args=(child,), daemon=True)
        server.start()
        try:
            if not parent.poll(30):
                print("SMTP server did not start")
                return 1
            port = parent.recv()
            warm_up = messages[: min(100, len(messages))]
            send_all(port, warm_up, None)
            send_all(port, warm_up, keystore)
            unsigned = send_all(port, messages, None)
            signed = send_all(port, messages, keystore)
            parent.send("stop")
            received = parent.recv() if parent.poll(30) else -1
        finally:
            server.join(10)
            if server.is_alive():
                server.terminate()

    expected = 2 * (len(messages) + len(warm_up))
    algorithms = "rsa-sha256" + ("" if options.rsa_only else " + ed25519-sha256")
    unsigned_rate = len(messages) / unsigned
    signed_rate = len(messages) / signed
    ratio = signed_rate / unsigned_rate
    print(f"messages per run:  {len(messages)} (about {len(messages[0]) // 1024} KB each)")
    print(f"unsigned:          {unsigned_rate:8.0f} messages/s  ({unsigned:.2f} s)")
    print(f"signed ({algorithms}): {signed_rate:8.0f} messages/s  ({signed:.2f} s)")
    print(f"signed/unsigned:   {ratio:8.2f}  (target >= {TARGET_RATIO}: "
          f"{'met' if ratio >= TARGET_RATIO else 'NOT met'})")
    print(f"server received:   {received} of {expected}")
    return 0 if received == expected else 1


if __name__ == "__main__":
    sys.exit(main())
