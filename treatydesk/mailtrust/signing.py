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
import secrets
import time
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

import dkim
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from dkim.canonicalization import Relaxed

from .addresses import from_domain
from .canonical import relaxed_body
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


def _fold(words: Sequence[tuple[str, str]], first_line: int, linesep: bytes) -> bytes:
    """Join (glue, word) pairs, breaking lines with folding white space past the width."""
    out, width = [], first_line
    for glue, word in words:
        if width + len(glue) + len(word) > _LINE_WIDTH and width > 1:
            out.append(linesep.decode("ascii") + " " + word)
            width = 1 + len(word)
        else:
            out.append(glue + word)
            width += len(glue) + len(word)
    return "".join(out).encode("ascii")


def _tag_words(tags: Sequence[tuple[str, str]], header_names: Sequence[str]):
    words = [(" ", f"{name}={value};") for name, value in tags]
    h_words = [("", f"{name}:") for name in header_names]
    h_words[0] = (" ", "h=" + h_words[0][1])
    h_words[-1] = ("", h_words[-1][1][:-1] + ";")
    return words[:-1] + h_words + words[-1:]


class Signer:
    """Sign messages with the active keys of their From domain in a key store."""

    signed_headers: Sequence[str] = SIGNED_HEADERS
    oversigned_headers: frozenset[str] = OVERSIGNED_HEADERS

    def __init__(self, keystore: KeyStore) -> None:
        self.keystore = keystore

    def sign(self, raw: bytes, *, now: float | None = None) -> bytes:
        """Return ``raw`` with one DKIM-Signature per active key of its From domain on top."""
        try:
            headers, body = dkim.rfc822_parse(raw)
        except dkim.MessageFormatError as error:
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
        names = header_list(headers, self.signed_headers, self.oversigned_headers)
        canonical = Relaxed.canonicalize_headers(headers)
        selected = dkim.select_headers(canonical, [n.encode("ascii") for n in names])
        signed_data = b"".join(name + b":" + value for name, value in selected)
        body_hash = base64.b64encode(hashlib.sha256(relaxed_body(body)).digest())
        timestamp = str(int(time.time() if now is None else now))

        signatures = [
            self._signature(key, names, signed_data, body_hash.decode(), timestamp, linesep)
            for key in keys
        ]
        return b"".join(signatures) + raw

    def _signature(
        self,
        key: DkimKey,
        names: Sequence[str],
        signed_data: bytes,
        body_hash: str,
        timestamp: str,
        linesep: bytes,
    ) -> bytes:
        tags = [
            ("v", "1"),
            ("a", key.signature_algorithm),
            ("c", "relaxed/relaxed"),
            ("d", key.domain),
            ("s", key.selector),
            ("t", timestamp),
            ("bh", body_hash),
        ]
        field_name = b"DKIM-Signature:"
        # b= goes on a line of its own and is hashed empty (RFC 6376 3.7).
        value = _fold(_tag_words(tags, names), len(field_name), linesep) + linesep + b" b="
        canonical = Relaxed.canonicalize_headers([(b"DKIM-Signature", value)])[0]
        data = signed_data + canonical[0] + b":" + canonical[1].rstrip()
        private = key.private_key
        if isinstance(private, rsa.RSAPrivateKey):
            signature = private.sign(data, padding.PKCS1v15(), hashes.SHA256())
        else:
            # RFC 8463: Ed25519 signs the SHA-256 digest of the header data.
            signature = private.sign(hashlib.sha256(data).digest())
        encoded = base64.b64encode(signature)
        chunks = [encoded[i : i + 72] for i in range(0, len(encoded), 72)]
        return field_name + value + (linesep + b" ").join(chunks) + linesep


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
