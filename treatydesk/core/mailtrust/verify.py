"""Decide whether a message is authentic mail from us, and say why in plain words.

The check trusts nothing the message says about itself: DKIM signatures are verified
by dkimpy against our own key store (current and retired keys, never DNS), so a
forger cannot point us at a key of his own, and Authentication-Results headers,
which anyone can write, are never read. A signature counts only if its domain is
exactly the From domain, it uses rsa-sha256 or ed25519-sha256, covers the whole body
(no ``l=``), and covers every From, Subject, To, Reply-To or List-Unsubscribe line
the message has. Those rules close the holes that let a signed message from us be
turned into a phishing message that still "passes DKIM".
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import dkim
from dkim.canonicalization import (
    CanonicalizationPolicy,
    InvalidCanonicalizationPolicyError,
    Relaxed,
)
from dkim.util import InvalidTagValueList, parse_tag_value

from .addresses import decoded_text, from_domain
from .canonical import relaxed_body
from .keys import DkimKey, KeyStore, KeyStoreError
from .signing import SIGNED_HEADERS
from .text import Explanation
from .text import gettext_noop as _

#: Larger input is refused before parsing: mail servers refuse it too.
MAX_MESSAGE_BYTES = 30 * 1024 * 1024
#: Real header sections, long Received chains included, stay far below this; bigger
#: ones only make parsing slow.
MAX_HEADER_BYTES = 256 * 1024
_BLANK_LINE_RE = re.compile(rb"\r?\n\r?\n")
#: Ours are under 1 KB and there are two; more or longer only cost time to check.
MAX_SIGNATURES = 8
MAX_SIGNATURE_BYTES = 4096

_ACCEPTED_ALGORITHMS = {"rsa-sha256": "rsa", "ed25519-sha256": "ed25519"}
_LEADING_JUNK = b"\xef\xbb\xbf \t\r\n"


class Verdict(StrEnum):
    AUTHENTIC = "authentic"
    NOT_FROM_US = "not_from_us"
    UNREADABLE = "unreadable"

    @property
    def exit_code(self) -> int:
        """Return the exit status of ``treatydesk mail verify`` for this verdict."""
        return {"authentic": 0, "not_from_us": 1, "unreadable": 2}[self.value]


@dataclass(frozen=True)
class SignatureCheck:
    """What one DKIM-Signature header turned out to be."""

    domain: str
    selector: str
    algorithm: str
    valid: bool
    explanation: Explanation


@dataclass(frozen=True)
class VerificationResult:
    """The verdict, the reasons for it, and what the site needs to link the notice.

    ``message_id`` and ``subject`` are read from the message whatever the verdict;
    link a notice only when ``verdict`` is AUTHENTIC, since a forger writes them too.
    """

    verdict: Verdict
    reasons: tuple[Explanation, ...]
    message_id: str | None = None
    subject: str | None = None
    from_domain: str | None = None
    signatures: tuple[SignatureCheck, ...] = field(default=())

    @property
    def authentic(self) -> bool:
        return self.verdict is Verdict.AUTHENTIC


def _explain(code: str, template: str, **params: str) -> Explanation:
    return Explanation(code, template, params)


def _header_title(name: str) -> str:
    return {"message-id": "Message-ID", "mime-version": "MIME-Version"}.get(name, name.title())


class Verifier:
    """Check messages against the keys in one key store."""

    #: A signature must cover every occurrence of these, or a line was added after signing.
    protected_headers: Sequence[str] = SIGNED_HEADERS
    #: A signature that leaves these out does not vouch for what the reader sees.
    required_headers: Sequence[str] = ("from", "subject")

    def __init__(self, keystore: KeyStore) -> None:
        self.keystore = keystore

    def verify(self, raw: bytes | str) -> VerificationResult:
        """Return the verdict on ``raw``, the message source with headers; never raise."""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        raw = bytes(raw)
        if len(raw) > MAX_MESSAGE_BYTES:
            return self._unreadable(_explain("too-large", _(
                "The message is larger than %(size)s MB, more than any notice we send."),
                size=str(MAX_MESSAGE_BYTES // (1024 * 1024))))
        raw = raw.lstrip(_LEADING_JUNK)
        blank_line = _BLANK_LINE_RE.search(raw, 0, MAX_HEADER_BYTES + 4)
        if blank_line is None and len(raw) > MAX_HEADER_BYTES or (
            blank_line is not None and blank_line.start() > MAX_HEADER_BYTES
        ):
            return self._unreadable(_explain("header-too-large", _(
                "The header lines of this message are far longer than those of any real "
                "e-mail, so we do not read them.")))
        try:
            headers, body = dkim.rfc822_parse(raw)
        except (dkim.MessageFormatError, IndexError):
            headers, body = [], b""
        from_values = [value for name, value in headers if name.lower() == b"from"]
        if not from_values:
            return self._unreadable(_explain("no-header", _(
                "This does not look like a whole e-mail message: there is no From line. "
                "Paste the full message source, with all its header lines ('Show original' "
                "or 'View source' in most mail programs).")))
        message_id = self._first(headers, b"message-id")
        subject = self._first(headers, b"subject")
        result = {"message_id": message_id and message_id.strip().strip("<>"),
                  "subject": subject}

        if len(from_values) > 1:
            return VerificationResult(Verdict.NOT_FROM_US, (_explain("multiple-from", _(
                "The message has more than one From line. Mail programs show one sender "
                "and checks may read another, a trick used to disguise forged mail.")),),
                **result)
        domain = from_domain(from_values[0])
        if domain is None:
            return VerificationResult(Verdict.NOT_FROM_US, (_explain("from-malformed", _(
                "The From line does not name exactly one clear address, so we cannot tell "
                "who the message claims to be from.")),), **result)
        result["from_domain"] = domain
        if not self._ours(domain):
            return VerificationResult(Verdict.NOT_FROM_US, (_explain("foreign-domain", _(
                "This message is from %(domain)s, which is not a domain we send mail from."),
                domain=domain),), **result)

        checks = tuple(self._check_signatures(headers, body, domain))
        valid = [c for c in checks if c.valid]
        if valid:
            return VerificationResult(Verdict.AUTHENTIC, (valid[0].explanation,),
                                      signatures=checks, **result)
        if not checks:
            reasons = (_explain("unsigned", _(
                "This message claims to be from %(domain)s but carries no signature from "
                "us."), domain=domain),)
        else:
            reasons = tuple(dict.fromkeys(c.explanation for c in checks))
        return VerificationResult(Verdict.NOT_FROM_US, reasons, signatures=checks, **result)

    def _check_signatures(self, headers, body, domain):
        counts = Counter(name.lower().decode("ascii", "replace") for name, _v in headers)
        signatures = [value for name, value in headers if name.lower() == b"dkim-signature"]
        header_bytes = b"".join(name + b":" + value for name, value in headers)
        verifiers: dict[bytes, dkim.DKIM] = {}
        for index, value in enumerate(signatures[:MAX_SIGNATURES]):
            try:
                tags = parse_tag_value(value) if len(value) <= MAX_SIGNATURE_BYTES else {}
            except InvalidTagValueList:
                tags = {}
            d, s, a = (re.sub(rb"\s+", b"", tags.get(t, b"")).decode("ascii", "replace").lower()
                       for t in (b"d", b"s", b"a"))
            problem, key = self._screen(tags, d, s, a, domain, counts)
            if problem is None:
                problem, body_form, canonical_body = self._body_problem(tags, body)
            if problem is None:
                if body_form not in verifiers:
                    # dkimpy gets the body already canonical (see canonical.py): the
                    # same hash, without its slow path on long runs of spaces.
                    verifiers[body_form] = dkim.DKIM(header_bytes + b"\r\n" + canonical_body)
                problem = self._dkim_problem(verifiers[body_form], index, key)
            if problem is None:
                yield SignatureCheck(d, s, a, True, _explain("signed", _(
                    "This message was signed by %(domain)s and has not been changed since."),
                    domain=d))
            else:
                yield SignatureCheck(d, s, a, False, problem)

    def _screen(self, tags, d, s, a, domain, counts) -> tuple[Explanation | None, DkimKey | None]:
        """Return the problem with a signature that shows without checking it, if any."""
        if not {b"d", b"s", b"a", b"b", b"bh", b"h"} <= tags.keys():
            return _explain("signature-unreadable", _(
                "A signature on the message is incomplete or cannot be read.")), None
        if d != domain:
            return _explain("not-aligned", _(
                "The message is signed by %(signer)s, not by %(domain)s, the sender it "
                "shows."), signer=d or "?", domain=domain), None
        if a == "rsa-sha1":
            return _explain("rsa-sha1", _(
                "The signature uses rsa-sha1, an outdated method that can be forged and "
                "that we never use.")), None
        if a not in _ACCEPTED_ALGORITHMS:
            return _explain("unknown-algorithm", _(
                "The signature uses a method we do not use.")), None
        if b"l" in tags:
            return _explain("partial-body", _(
                "The signature covers only the first part of the message body (l=), so "
                "text could have been added below it. We never sign that way.")), None
        key = self.keystore.get(d, s)
        if key is None or key.algorithm != _ACCEPTED_ALGORITHMS[a]:
            return _explain("unknown-key", _(
                "The signature names a key (%(selector)s) that is not one of ours."),
                selector=s or "?"), None
        signed = Counter(h.strip().lower() for h in
                         re.split(r":", tags[b"h"].decode("ascii", "replace")))
        for name in self.required_headers:
            if not signed[name]:
                return _explain("header-not-signed", _(
                    "The signature does not cover the %(header)s line, so it could have "
                    "been changed."), header=_header_title(name)), None
        for name in self.protected_headers:
            if counts[name] > signed[name]:
                return _explain("header-added", _(
                    "A %(header)s line was added to the message after we signed it."),
                    header=_header_title(name)), None
        return None, key

    @staticmethod
    def _body_problem(tags, body) -> tuple[Explanation | None, bytes, bytes]:
        """Return (problem, body canonicalization name, canonical body)."""
        try:
            policy = CanonicalizationPolicy.from_c_value(tags.get(b"c", b"simple/simple"))
            expected = base64.b64decode(re.sub(rb"\s+", b"", tags[b"bh"]), validate=True)
        except (InvalidCanonicalizationPolicyError, binascii.Error):
            return _explain("signature-unreadable", _(
                "A signature on the message is incomplete or cannot be read.")), b"", b""
        if policy.body_algorithm is Relaxed:
            canonical = relaxed_body(body)
        else:
            canonical = policy.canonicalize_body(body)
        if hashlib.sha256(canonical).digest() != expected:
            return _explain("body-changed", _(
                "The message body was changed after we signed it.")), b"", b""
        return None, policy.body_algorithm.name, canonical

    @staticmethod
    def _dkim_problem(verifier: dkim.DKIM, index: int, key: DkimKey) -> Explanation | None:
        def lookup(name: bytes, timeout: float = 5) -> bytes:
            # dkimpy asks for the key by DNS name; answer from the store, never the network.
            return key.public_record.encode("ascii")

        try:
            if verifier.verify(idx=index, dnsfunc=lookup):
                return None
        except dkim.ValidationError as error:
            if "future" in str(error) or "past" in str(error):
                return _explain("bad-time", _(
                    "The signature's dates are impossible (signed in the future or "
                    "expired)."))
            return _explain("signature-unreadable", _(
                "A signature on the message is incomplete or cannot be read."))
        except (dkim.DKIMException, ValueError, TypeError, IndexError, KeyError):
            return _explain("signature-unreadable", _(
                "A signature on the message is incomplete or cannot be read."))
        return _explain("headers-changed", _(
            "The signature does not match the sender, subject, recipients or dates of the "
            "message: they were changed after we signed it, or the signature is forged."))

    def _ours(self, domain: str) -> bool:
        try:
            return bool(self.keystore.keys(domain))
        except KeyStoreError:
            return False  # not even a valid domain name, so not one of ours

    @staticmethod
    def _first(headers, name: bytes) -> str | None:
        return next((decoded_text(v) for n, v in headers if n.lower() == name), None)

    @staticmethod
    def _unreadable(reason: Explanation) -> VerificationResult:
        return VerificationResult(Verdict.UNREADABLE, (reason,))


def verify_message(raw: bytes | str, keystore: KeyStore) -> VerificationResult:
    """Return whether ``raw`` is authentic mail from a domain in ``keystore``, and why."""
    return Verifier(keystore).verify(raw)
