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

from treatydesk.core.mailtrust.keys import KeyStore  # noqa: E402
from treatydesk.core.mailtrust.signing import list_unsubscribe_headers, sign_message_bytes  # noqa: E402
from treatydesk.core.mailtrust.verify import verify_message  # noqa: E402

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


def send_all(port: int, messages: list[bytes], keystore: KeyStore | None) -> tuple[float, float]:
    """Send every message over one connection; return (wall seconds, CPU seconds) taken."""
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        start, cpu = time.perf_counter(), time.process_time()
        for raw in messages:
            if keystore is not None:
                raw = sign_message_bytes(raw, keystore)
            client.sendmail(f"notices@{DOMAIN}", ["reader@university.example"], raw)
        return time.perf_counter() - start, time.process_time() - cpu


def measure(port: int, messages: list[bytes], keystore: KeyStore, rounds: int):
    """Return (wall, CPU) seconds for unsigned and signed sending, alternating in rounds.

    Alternating in rounds of a few hundred messages puts both under the same load,
    which on a shared machine changes from one second to the next.
    """
    totals = {"unsigned": [0.0, 0.0], "signed": [0.0, 0.0]}
    size = max(1, -(-len(messages) // rounds))
    for start in range(0, len(messages), size):
        chunk = messages[start : start + size]
        for mode, store in (("unsigned", None), ("signed", keystore)):
            wall, cpu = send_all(port, chunk, store)
            totals[mode][0] += wall
            totals[mode][1] += cpu
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="messages per run")
    parser.add_argument("--rsa-only", action="store_true", help="no Ed25519 signature")
    parser.add_argument("--rounds", type=int, default=20, help="alternations of the two modes")
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
            totals = measure(port, messages, keystore, options.rounds)
            parent.send("stop")
            received = parent.recv() if parent.poll(30) else -1
        finally:
            server.join(10)
            if server.is_alive():
                server.terminate()

    count = len(messages)
    expected = 2 * (count + len(warm_up))
    algorithms = "rsa-sha256" + ("" if options.rsa_only else " + ed25519-sha256")
    rates = {mode: count / wall for mode, (wall, _cpu) in totals.items()}
    ratio = rates["signed"] / rates["unsigned"]
    print(f"messages:  {count} per mode, about {len(messages[0]) // 1024} KB each, "
          f"unsigned and signed alternating in {options.rounds} rounds")
    for mode in ("unsigned", "signed"):
        wall, cpu = totals[mode]
        print(f"{mode:9}  {rates[mode]:7.0f} messages/s   "
              f"client CPU {cpu / count * 1000:.2f} ms/message")
    print(f"signing:   {algorithms}, "
          f"{(totals['signed'][1] - totals['unsigned'][1]) / count * 1000:.2f} ms CPU/message")
    print(f"ratio:     {ratio:.2f} signed/unsigned "
          f"(target >= {TARGET_RATIO}: {'met' if ratio >= TARGET_RATIO else 'NOT met'})")
    print(f"server:    received {received} of {expected}")
    return 0 if received == expected else 1


if __name__ == "__main__":
    sys.exit(main())
