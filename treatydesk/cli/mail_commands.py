"""``treatydesk mail …``: DKIM keys, DNS records and their check, verification, test mail.

Handlers import what they use inside themselves, after ``setup()`` (see ``cli/__init__``).
"""

import sys
from pathlib import Path

from .django_setup import require_register_database, setup
from .errors import CommandError, reported


def add_parsers(sub) -> None:
    mail = sub.add_parser(
        "mail", help="signed mail: DKIM keys, DNS records, verification, test message",
        description="Everything that lets recipients trust the secretariat's mail. Keys live "
                    "in TREATYDESK_DKIM_DIR (default var/dkim/). See docs/mail.md.",
    )
    commands = mail.add_subparsers(dest="mail_command", metavar="MAIL_COMMAND", required=True)

    keygen = _domain_command(commands,
        "keygen", help="make a DKIM key and print the record to publish",
        description="Make a DKIM key for DOMAIN under SELECTOR (RSA-2048 by default; "
                    "Ed25519 as a second signature). Active at once unless --pending, which "
                    "is how a rotation starts. A selector is never reused or overwritten.")
    keygen.add_argument("--selector", required=True,
                        help="a new DNS label, e.g. td2026r (year and algorithm)")
    keygen.add_argument("--algorithm", choices=["rsa", "ed25519"], default="rsa")
    keygen.add_argument("--pending", action="store_true",
                        help="make the key without signing with it yet (rotation)")
    keygen.set_defaults(handler=keygen_handler)

    keys = _domain_command(commands, "keys", help="list a domain's keys and their state")
    keys.set_defaults(handler=keys_handler)

    activate = _domain_command(commands,
        "activate", help="start signing with a pending key (after its record is published)")
    activate.add_argument("--selector", required=True)
    activate.set_defaults(handler=activate_handler)

    retire = _domain_command(commands,
        "retire", help="stop signing with a key, keeping it so old mail still verifies",
        description="Stop signing with the key. It is kept, so that mail it signed still "
                    "verifies on the site; its DNS record stays in `mail dns` for 7 days.")
    retire.add_argument("--selector", required=True)
    retire.set_defaults(handler=retire_handler)

    dns = _domain_command(commands,
        "dns", help="print the TXT records to publish (DKIM, SPF, DMARC)",
        description="Print one line per TXT record, as NAME. TXT \"VALUE\": the DKIM key of "
                    "each pending and active selector, SPF ending in -all and DMARC with "
                    "p=reject and a report address.")
    dns.add_argument("--spf", nargs="+", metavar="MECHANISM",
                     help="senders allowed by SPF, e.g. ip4:192.0.2.10 include:_spf.example "
                          "(default: TREATYDESK_MAIL_SPF)")
    dns.add_argument("--report-address",
                     help="mailbox for DMARC aggregate reports "
                          "(default: TREATYDESK_DMARC_REPORT_ADDRESS, else dmarc@DOMAIN)")
    dns.add_argument("--relaxed", action="store_true",
                     help="relaxed DMARC alignment (adkim=r; aspf=r) instead of strict")
    dns.set_defaults(handler=dns_handler)

    check = _domain_command(commands,
        "check-dns", help="check what DNS publishes against the keys and policy",
        description="Ask the nameserver (or the system's resolvers) for the domain's SPF, "
                    "DMARC and DKIM records and explain each problem. Exit status 1 when "
                    "there is an error.")
    check.add_argument("--nameserver", metavar="IP[:PORT]")
    check.add_argument("--timeout", type=float, default=5.0)
    check.set_defaults(handler=check_dns_handler)

    verify = commands.add_parser(
        "verify", help="say whether a message is really from us (exit 0, 1 or 2)",
        description="Check a message (its full source, as a .eml file; - reads standard "
                    "input) against our current and retired keys. Exit status: 0 authentic, "
                    "1 not from us, 2 unreadable.")
    verify.add_argument("file", metavar="FILE.eml")
    verify.set_defaults(handler=verify_handler)

    send_test = commands.add_parser(
        "send-test", help="send a signed sample notice through the configured SMTP server",
        description="Build a sample notice exactly as real notices are built (From "
                    "DEFAULT_FROM_EMAIL, List-Unsubscribe, DKIM signature) and hand it to "
                    "EMAIL_HOST:EMAIL_PORT.")
    send_test.add_argument("--to", required=True, metavar="ADDRESS")
    send_test.set_defaults(handler=send_test_handler)

    bounces = commands.add_parser(
        "bounces", help="read bounce messages (files or maildirs) and record them",
        description="Read delivery status notifications (RFC 3464) from .eml files or "
                    "maildirs; record each bounce once; stop mailing addresses that bounce "
                    "permanently.")
    bounces.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    bounces.set_defaults(handler=bounces_handler)

    dmarc = commands.add_parser(
        "dmarc", help="import DMARC aggregate reports (files or maildirs)",
        description="Import DMARC aggregate reports: .xml, .xml.gz or .zip files, report "
                    "e-mails (.eml), or maildirs of them. A report already imported is "
                    "skipped.")
    dmarc.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    dmarc.set_defaults(handler=dmarc_handler)


def _domain_command(commands, *args, **kwargs):
    """Add a mail sub-command about one domain (its --domain is required)."""
    parser = commands.add_parser(*args, **kwargs)
    parser.add_argument("--domain", required=True)
    return parser


def _keystore():
    setup()
    from treatydesk.mail.outgoing.keystore import get_keystore

    return get_keystore()


def _key_error():
    from treatydesk.core.mailtrust import KeyStoreError

    return KeyStoreError


def keygen_handler(args) -> int:
    store = _keystore()
    with reported(_key_error()):
        key = store.generate(args.domain, args.selector, args.algorithm,
                             active=not args.pending)
    from treatydesk.core.mailtrust import TxtRecord

    state = "pending: publish its record, then `treatydesk mail activate`" if args.pending \
        else "active: it signs every message from now on"
    print(f"Made {key.algorithm} key {key.selector} for {key.domain} ({state}).")
    print("Publish this record:")
    print(TxtRecord(key.record_name, key.public_record).line())
    return 0


def keys_handler(args) -> int:
    store = _keystore()
    with reported(_key_error()):
        keys = store.keys(args.domain)
    if not keys:
        print(f"No key for {args.domain}: make one with `treatydesk mail keygen`.")
        return 0
    for key in keys:
        print(f"{key.selector}\t{key.algorithm}\t{key.status}\tcreated {key.created:%Y-%m-%d}")
    return 0


def activate_handler(args) -> int:
    store = _keystore()
    with reported(_key_error()):
        key = store.activate(args.domain, args.selector)
    print(f"{key.record_name} now signs every message from {key.domain}.")
    return 0


def retire_handler(args) -> int:
    store = _keystore()
    with reported(_key_error()):
        key = store.retire(args.domain, args.selector)
    print(f"{key.record_name} is retired: it signs nothing, and mail it signed still verifies. "
          "Keep its DNS record for 7 more days.")
    if not store.active(key.domain):
        print(f"Warning: {key.domain} has no active key left; mail to be sent will wait.",
              file=sys.stderr)
    return 0


def dns_handler(args) -> int:
    store = _keystore()
    from django.conf import settings

    from treatydesk.core.mailtrust import domain_records

    spf = args.spf or settings.TREATYDESK_MAIL_SPF
    report = args.report_address or settings.TREATYDESK_DMARC_REPORT_ADDRESS or \
        f"dmarc@{args.domain.strip().rstrip('.').lower()}"
    with reported(ValueError):
        records = domain_records(store, args.domain, spf=spf, report_address=report,
                                 strict=not args.relaxed)
    if not store.active(args.domain):
        print(f"Warning: {args.domain} has no active DKIM key; make one with "
              "`treatydesk mail keygen`.", file=sys.stderr)
    for record in records:
        print(record.line())
    return 0


def check_dns_handler(args) -> int:
    store = _keystore()
    from treatydesk.core.mailtrust import Severity, check_domain

    with reported(ValueError):
        findings = check_domain(args.domain, store, nameserver=args.nameserver,
                                timeout=args.timeout)
    for finding in findings:
        print(f"{finding.severity.value.upper():7} {finding.code:22} {finding.name}")
        print(f"        {finding.explanation}")
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    print(f"{errors} error(s), {warnings} warning(s).")
    return 1 if errors else 0


def verify_handler(args) -> int:
    store = _keystore()
    from treatydesk.core.mailtrust import verify_message

    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as error:
        print(f"treatydesk mail verify: cannot read {args.file}: {error.strerror}",
              file=sys.stderr)
        return 2
    result = verify_message(raw, store)
    headline = {
        "authentic": "AUTHENTIC: this message is from us.",
        "not_from_us": "NOT FROM US: we did not send this message.",
        "unreadable": "UNREADABLE: this is not a whole e-mail message.",
    }[result.verdict.value]
    print(headline)
    for reason in result.reasons:
        print(f"- {reason}")
    if result.authentic:
        link = _matching_page_url(result.message_id)
        if link:
            print(f"It carried {link}")
    return result.verdict.exit_code


def _matching_page_url(message_id):
    from django.db import DatabaseError

    from treatydesk.mail.verification.views import matching_page

    try:
        page = matching_page(message_id)
    except DatabaseError:
        return None  # no database set up: the verdict stands without the link
    return page.full_url if page is not None else None


def send_test_handler(args) -> int:
    setup()
    import smtplib

    from django.conf import settings

    from treatydesk.core.mailtrust import SigningError
    from treatydesk.mail.outgoing import sending
    from treatydesk.mail.outgoing.messages import (
        new_message_id,
        new_message_id_value,
        sample_message,
    )

    message_id = new_message_id_value(new_message_id())
    message = sample_message(args.to, message_id)
    try:
        sending.send([message])
    except SigningError as error:
        raise CommandError(f"not sent: {error}") from None
    except (smtplib.SMTPException, OSError) as error:
        raise CommandError(f"not sent: {settings.EMAIL_HOST}:{settings.EMAIL_PORT} said "
                           f"{error}") from None
    print(f"Sent a signed test notice to {args.to} through {settings.EMAIL_HOST}:"
          f"{settings.EMAIL_PORT} (Message-ID <{message_id}>).")
    return 0


def bounces_handler(args) -> int:
    require_register_database()
    from treatydesk.mail.mailings.bounces import read_paths

    summary = read_paths(args.paths)
    print(f"Read {summary.messages} message(s): {summary.hard} permanent and {summary.soft} "
          f"temporary bounce(s) recorded, {summary.known} already known, {summary.stopped} "
          f"subscriber(s) stopped, {summary.ignored} message(s) not a bounce.")
    return 0


def dmarc_handler(args) -> int:
    require_register_database()
    from treatydesk.mail.dmarc.importing import import_paths

    summary = import_paths(args.paths)
    print(f"Imported {summary.imported} report(s) ({summary.rows} rows); {summary.duplicates} "
          f"already there; {len(summary.problems)} file(s) not read.")
    for problem in summary.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1 if summary.problems and not summary.imported else 0

