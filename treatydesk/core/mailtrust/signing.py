"""Sign outgoing mail with DKIM (RFC 6376), with every active key of the From domain.

Signatures are relaxed/relaxed (they survive the re-folding and trailing-space
changes that relays make), carry no ``l=`` (so nothing can be appended to a signed
body), and name their headers explicitly. The headers a phisher would add to change
what the reader sees or where replies and unsubscribe requests go are *oversigned*:
listed once more than they occur, so that adding one more breaks the signature.

Header canonicalization comes from dkimpy, so that our signatures and dkimpy's
verifier read a message the same way (the body's is ours: see canonical.py); the RSA
and Ed25519 arithmetic comes from ``cryptography`` (OpenSSL), about ten times faster
than dkimpy's pure-Python RSA.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache
from urllib.parse import urlsplit

import dkim
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .addresses import from_domain
from .canonical import relaxed_body, relaxed_header
from .keys import DkimKey, KeyStore

#: Signed in this order, each as many times as it occurs (see OVERSIGNED_HEADERS).
SIGNED_HEADERS: tuple[str, ...] = (
    "from",
    "reply-to",
    "sender",
    "subject",
    "date",
    "to",
    "cc",
    "message-id",
    "in-reply-to",
    "references",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "list-id",
    "list-unsubscribe",
    "list-unsubscribe-post",
)

#: Listed once more than they occur (once when absent), so none can be added later.
#: Date, Message-ID, MIME-Version and the Content-* fields are not: a relay may add
#: them when missing, and they do not change who the mail seems to come from.
OVERSIGNED_HEADERS: frozenset[str] = frozenset(
    {
        "from",
        "reply-to",
        "sender",
        "subject",
        "to",
        "cc",
        "in-reply-to",
        "references",
        "list-id",
        "list-unsubscribe",
        "list-unsubscribe-post",
    }
)

_LINE_WIDTH = 76
_HEADER_NAME_RE = re.compile(rb"([\x21-\x7e]+?):")  # dkimpy's, so that we read names alike


class SigningError(ValueError):
    """The message cannot be signed: no single From, or no active key for its domain."""


def header_list(
    headers: Iterable[tuple[bytes, bytes]],
    signed: Sequence[str] = SIGNED_HEADERS,
    oversigned: frozenset[str] = OVERSIGNED_HEADERS,
) -> list[str]:
    """Return the ``h=`` list for a message with these (name, value) headers."""
    counts: dict[str, int] = {}
    for name, _value in headers:
        lowered = name.decode("ascii", "replace").lower()
        counts[lowered] = counts.get(lowered, 0) + 1
    names: list[str] = []
    for name in signed:
        names += [name] * (counts.get(name, 0) + (name in oversigned))
    return names


def _parse(raw: bytes) -> tuple[list[list[bytes]], bytes]:
    """Return (headers, body) exactly as dkimpy's rfc822_parse does, faster on CRLF mail.

    dkimpy splits the whole message into lines; a message as Django hands it over
    (CRLF throughout) only needs its header block parsed that way.
    """
    end = raw.find(b"\r\n\r\n")
    if end < 1 or raw.startswith(b"\r\n"):
        return dkim.rfc822_parse(raw)
    if raw.count(b"\n", 0, end) != raw.count(b"\r\n", 0, end):
        return dkim.rfc822_parse(raw)  # bare LF in the header: leave it to dkimpy
    body = raw[end + 4 :]
    if body.count(b"\n") != body.count(b"\r\n"):
        return dkim.rfc822_parse(raw)  # bare LF in the body: dkimpy turns it into CRLF
    headers: list[list[bytes]] = []
    for line in raw[:end].split(b"\r\n"):
        if line[:1] in (b" ", b"\t"):
            headers[-1][1] += line + b"\r\n"  # IndexError first, as in dkimpy
            continue
        match = _HEADER_NAME_RE.match(line)
        if match:
            headers.append([match.group(1), line[match.end() :] + b"\r\n"])
        elif not line.startswith(b"From "):
            raise dkim.MessageFormatError(f"Unexpected characters in RFC822 header: {line!r}")
    return headers, body


@lru_cache(maxsize=64)
def _h_tag(names: tuple[str, ...], linesep: bytes) -> bytes:
    """Return the ``h=`` tag folded into lines of at most 76 characters (a mailing reuses it)."""
    lines, line = [], " h="
    for index, name in enumerate(names):
        word = name + (":" if index < len(names) - 1 else ";")
        if len(line) + len(word) > _LINE_WIDTH:
            lines.append(line)
            line = " "
        line += word
    lines.append(line)
    return linesep.join(part.encode("ascii") for part in lines)


def _select(headers: Sequence[tuple[bytes, bytes]], names: Sequence[str]) -> list[bytes]:
    """Return the canonical headers ``names`` picks, bottom up for each name (RFC 6376 5.4.2)."""
    positions: dict[bytes, list[int]] = {}
    for index, (name, _value) in enumerate(headers):
        positions.setdefault(name.lower(), []).append(index)
    selected = []
    for name in names:
        stack = positions.get(name.encode("ascii"))
        if stack:
            selected.append(relaxed_header(*headers[stack.pop()]))
    return selected


class Signer:
    """Sign messages with the active keys of their From domain in a key store."""

    signed_headers: Sequence[str] = SIGNED_HEADERS
    oversigned_headers: frozenset[str] = OVERSIGNED_HEADERS

    def __init__(self, keystore: KeyStore) -> None:
        self.keystore = keystore

    def sign(self, raw: bytes, *, now: float | None = None) -> bytes:
        """Return ``raw`` with one DKIM-Signature per active key of its From domain on top."""
        try:
            headers, body = _parse(raw)
        except (dkim.MessageFormatError, IndexError) as error:
            raise SigningError(f"the message header cannot be read: {error}") from error
        from_values = [value for name, value in headers if name.lower() == b"from"]
        domain = from_domain(from_values[0]) if len(from_values) == 1 else None
        if domain is None:
            raise SigningError("the message needs exactly one From line naming one address")
        keys = self.keystore.active(domain)
        if not keys:
            raise SigningError(f"no active DKIM key for {domain}; make one before sending")

        first_newline = raw.find(b"\n")
        # Match the message's line ends, so that the result is consistent either way.
        linesep = b"\r\n" if first_newline > 0 and raw[first_newline - 1] == 0x0D else b"\n"
        names = tuple(header_list(headers, self.signed_headers, self.oversigned_headers))
        signed_data = b"".join(_select(headers, names))
        body_hash = base64.b64encode(hashlib.sha256(relaxed_body(body)).digest())
        # Every tag but b= is the same for each key except a= and s=: build the rest once.
        rest = (
            f"t={int(time.time() if now is None else now)};".encode()
            + linesep + _h_tag(names, linesep)
            + linesep + b" bh=" + body_hash + b";"
            + linesep + b" b="  # hashed with b= empty (RFC 6376 3.7), filled in after
        )
        return b"".join(self._signature(key, rest, signed_data, linesep) for key in keys) + raw

    @staticmethod
    def _signature(key: DkimKey, rest: bytes, signed_data: bytes, linesep: bytes) -> bytes:
        value = (
            f" v=1; a={key.signature_algorithm}; c=relaxed/relaxed;".encode()
            + linesep + f" d={key.domain}; s={key.selector}; ".encode()
            + rest
        )
        data = signed_data + relaxed_header(b"DKIM-Signature", value).rstrip(b"\r\n")
        private = key.private_key
        if isinstance(private, rsa.RSAPrivateKey):
            signature = private.sign(data, padding.PKCS1v15(), hashes.SHA256())
        else:
            # RFC 8463: Ed25519 signs the SHA-256 digest of the header data.
            signature = private.sign(hashlib.sha256(data).digest())
        encoded = base64.b64encode(signature)
        chunks = [encoded[i : i + 72] for i in range(0, len(encoded), 72)]
        return b"DKIM-Signature:" + value + (linesep + b" ").join(chunks) + linesep


def sign_message_bytes(raw: bytes, keystore: KeyStore, *, now: float | None = None) -> bytes:
    """Return ``raw`` signed with every active key of its From domain in ``keystore``.

    Raises SigningError rather than return unsigned mail: a notice that recipients
    cannot check is what this module exists to prevent.
    """
    return Signer(keystore).sign(raw, now=now)


def new_unsubscribe_token() -> str:
    """Return an unguessable token for a subscriber's one-click unsubscribe link."""
    return secrets.token_urlsafe(32)


def list_unsubscribe_headers(url: str) -> dict[str, str]:
    """Return the List-Unsubscribe (RFC 2369) and one-click (RFC 8058) headers for ``url``.

    RFC 8058 requires an https URI; the URL must carry the subscriber's token, since
    the POST that follows comes without cookies.
    """
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError("a one-click unsubscribe URL must be an absolute https URL")
    if any(char in url for char in "<>, \t\r\n\"'"):
        raise ValueError("an unsubscribe URL cannot contain spaces, quotes, commas or <>")
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
