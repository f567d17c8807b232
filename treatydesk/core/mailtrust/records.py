"""The TXT records a sending domain publishes so that receivers can check its mail.

Three kinds: the DKIM public key of each selector (RFC 6376), SPF naming the servers
allowed to send (RFC 7208), and DMARC telling receivers to reject mail that fails
both and where to send reports (RFC 7489). Each prints as one zone-file line,
``NAME TXT "VALUE"``, with the name absolute (trailing dot) so that it cannot be
read relative to a zone's origin, and values over 255 bytes split into several
strings, as the DNS requires and receivers join back without spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .keys import DkimKey, KeyStatus, KeyStore, normalize_name

#: How long a retired selector stays in the printed records: mail signed just before
#: the switch may sit in queues or be checked again days later.
RETIRED_GRACE = timedelta(days=7)

MAX_STRING = 255

# RFC 7208 mechanisms we let an operator name; "all" is added by us, always as -all.
_SPF_TERM_RE = re.compile(
    r"(?:[+?~-]?)(?:"
    r"ip4:[0-9./]+|ip6:[0-9a-fA-F:./]+|a(?::[^\s]+)?|mx(?::[^\s]+)?|"
    r"include:[^\s]+|exists:[^\s]+)\Z"
)


@dataclass(frozen=True)
class TxtRecord:
    """A TXT record: its absolute name and its value as one string."""

    name: str
    value: str

    def strings(self) -> list[bytes]:
        """Return the value as DNS character-strings of at most 255 bytes each."""
        data = self.value.encode("ascii")
        return [data[i : i + MAX_STRING] for i in range(0, len(data), MAX_STRING)] or [b""]

    def line(self) -> str:
        """Return the record as ``NAME TXT "VALUE"`` (several quoted strings when long)."""
        quoted = " ".join(
            '"' + s.decode("ascii").replace("\\", "\\\\").replace('"', '\\"') + '"'
            for s in self.strings()
        )
        return f"{self.name}. TXT {quoted}"


def dkim_records(
    keystore: KeyStore,
    domain: str,
    *,
    now: datetime | None = None,
    retired_grace: timedelta = RETIRED_GRACE,
) -> list[TxtRecord]:
    """Return the DKIM records to publish: pending, active, and lately retired keys."""
    now = now or datetime.now(UTC)
    return [
        TxtRecord(key.record_name, key.public_record)
        for key in keystore.keys(domain)
        if _published(key, now, retired_grace)
    ]


def _published(key: DkimKey, now: datetime, grace: timedelta) -> bool:
    # A pending key's record goes out before the key signs anything; a retired key's
    # stays a while for mail still in transit.
    if key.status is KeyStatus.RETIRED:
        return key.retired is not None and now - key.retired < grace
    return True


def spf_record(domain: str, mechanisms: Sequence[str]) -> TxtRecord:
    """Return the SPF record: the given mechanisms, then ``-all`` for everyone else.

    ``mechanisms`` are RFC 7208 terms such as ``ip4:192.0.2.10``, ``mx`` or
    ``include:_spf.mailhost.example``.
    """
    domain = normalize_name(domain)
    terms = [m.strip() for m in mechanisms if m.strip()]
    if not terms:
        raise ValueError("name at least one sender (ip4:, ip6:, a, mx or include:) for SPF")
    for term in terms:
        if not _SPF_TERM_RE.match(term):
            raise ValueError(f"{term!r} is not an SPF mechanism we accept (all and ptr are not)")
    return TxtRecord(domain, "v=spf1 " + " ".join(terms) + " -all")


def dmarc_record(domain: str, report_address: str, *, strict: bool = True) -> TxtRecord:
    """Return the DMARC record: reject what fails, aggregate reports to ``report_address``.

    Alignment is strict by default: DKIM's ``d=`` and the SPF envelope domain must
    equal the From domain exactly, not merely share its organizational domain, so
    that no other host under the domain (a web agency's newsletter.example.org, a
    forgotten test server) can send mail that passes as the secretariat's.
    """
    domain = normalize_name(domain)
    address = report_address.removeprefix("mailto:").strip()
    if not re.fullmatch(r"[^@\s;,!]+@[A-Za-z0-9.-]+", address):
        raise ValueError(f"{report_address!r} is not an e-mail address for DMARC reports")
    alignment = "s" if strict else "r"
    value = (
        f"v=DMARC1; p=reject; sp=reject; adkim={alignment}; aspf={alignment}; "
        f"rua=mailto:{address}"
    )
    return TxtRecord(f"_dmarc.{domain}", value)


def domain_records(
    keystore: KeyStore,
    domain: str,
    *,
    spf: Sequence[str],
    report_address: str,
    strict: bool = True,
    now: datetime | None = None,
) -> list[TxtRecord]:
    """Return every TXT record ``domain`` needs: DKIM keys, SPF, DMARC."""
    return [
        *dkim_records(keystore, domain, now=now),
        spf_record(domain, spf),
        dmarc_record(domain, report_address, strict=strict),
    ]
