"""Signing: the signatures receivers will check, and the unsubscribe headers."""

from __future__ import annotations

import re

import dkim
import pytest
from dkim.util import parse_tag_value

from treatydesk.core.mailtrust.keys import KeyStore
from treatydesk.core.mailtrust.signing import (
    SigningError,
    list_unsubscribe_headers,
    new_unsubscribe_token,
    sign_message_bytes,
)

from .conftest import DOMAIN, ED_SELECTOR, RSA_SELECTOR, build_message, dnsfunc_for


def signatures(message: bytes) -> list[dict[bytes, bytes]]:
    headers, _body = dkim.rfc822_parse(message)
    return [
        {k: re.sub(rb"\s+", b"", v) for k, v in parse_tag_value(value).items()}
        for name, value in headers
        if name.lower() == b"dkim-signature"
    ]


def signed_names(signature: dict[bytes, bytes]) -> list[str]:
    return signature[b"h"].decode().split(":")


def test_one_rsa_and_one_ed25519_signature_both_valid(keystore, signed):
    sigs = signatures(signed)
    assert [(s[b"a"], s[b"s"]) for s in sigs] == [
        (b"rsa-sha256", RSA_SELECTOR.encode()),
        (b"ed25519-sha256", ED_SELECTOR.encode()),
    ]
    verifier = dkim.DKIM(signed)
    assert verifier.verify(idx=0, dnsfunc=dnsfunc_for(keystore))
    assert verifier.verify(idx=1, dnsfunc=dnsfunc_for(keystore))


def test_only_rsa_when_no_ed25519_key_is_active(rsa_only_keystore):
    sigs = signatures(sign_message_bytes(build_message(), rsa_only_keystore))
    assert [s[b"a"] for s in sigs] == [b"rsa-sha256"]


def test_signature_form_relaxed_no_length_aligned_domain(signed):
    for sig in signatures(signed):
        assert sig[b"c"] == b"relaxed/relaxed"
        assert b"l" not in sig
        assert sig[b"d"] == DOMAIN.encode()
        assert sig[b"t"].isdigit()


def test_signed_header_list_covers_what_readers_see_and_act_on(signed):
    names = signed_names(signatures(signed)[0])
    for name in ("from", "reply-to", "subject", "date", "to", "message-id", "mime-version",
                 "content-type", "list-unsubscribe", "list-unsubscribe-post"):
        assert name in names
    assert "dkim-signature" not in names


@pytest.mark.parametrize("reply_to", [None, "registry@ccm.example"])
def test_from_and_reply_to_are_oversigned(keystore, reply_to):
    message = build_message(reply_to=reply_to)
    names = signed_names(signatures(sign_message_bytes(message, keystore))[0])
    assert names.count("from") == 2
    assert names.count("reply-to") == (2 if reply_to else 1)
    assert names.count("list-unsubscribe") == 2
    assert names.count("date") == 1  # not oversigned: a relay may add a missing Date


def test_adding_a_second_from_or_reply_to_breaks_the_signature_for_any_verifier(keystore):
    signed = sign_message_bytes(build_message(), keystore)
    lookup = dnsfunc_for(keystore)
    for extra in (b"From: Secretariat <notices@ccm.example>\r\n",
                  b"Reply-To: attacker@evil.example\r\n",
                  b"List-Unsubscribe: <https://evil.example/x>\r\n"):
        tampered = extra + signed  # added on top, where mail programs look first
        assert not dkim.DKIM(tampered).verify(idx=0, dnsfunc=lookup), extra


def test_relaxed_canonicalization_survives_refolding_and_trailing_spaces(keystore, signed):
    refolded = signed.replace(b"\r\nSubject: Iraq becomes", b"\r\nSubject:   Iraq\r\n\tbecomes")
    refolded = refolded.replace(b"Convention, Iraq", b"Convention,   Iraq")
    assert refolded != signed
    assert dkim.DKIM(refolded).verify(idx=0, dnsfunc=dnsfunc_for(keystore))


def test_lf_line_endings_are_kept_and_still_verify(keystore):
    message = build_message().replace(b"\r\n", b"\n")
    signed = sign_message_bytes(message, keystore)
    assert b"\r" not in signed
    assert dkim.DKIM(signed).verify(idx=0, dnsfunc=dnsfunc_for(keystore))


def test_signature_lines_stay_short(signed):
    header = signed.split(b"\r\nFrom:")[0]
    assert max(len(line) for line in header.split(b"\r\n")) <= 78


def test_message_is_left_unchanged_below_the_signatures(keystore):
    original = build_message()
    signed = sign_message_bytes(original, keystore)
    assert signed.endswith(original)
    assert signed[: -len(original)].count(b"DKIM-Signature:") == 2


def test_retired_and_pending_keys_do_not_sign(keystore):
    keystore.retire(DOMAIN, ED_SELECTOR)
    keystore.generate(DOMAIN, "td2027r", active=False)
    sigs = signatures(sign_message_bytes(build_message(), keystore))
    assert [s[b"s"] for s in sigs] == [RSA_SELECTOR.encode()]


def test_refuses_to_send_unsigned_mail(tmp_path, keystore):
    with pytest.raises(SigningError, match="no active DKIM key"):
        sign_message_bytes(build_message(), KeyStore(tmp_path / "empty"))
    with pytest.raises(SigningError, match="no active DKIM key"):
        sign_message_bytes(build_message(sender="someone@other.example"), keystore)


@pytest.mark.parametrize("message", [
    b"To: reader@university.example\r\nSubject: x\r\n\r\nbody\r\n",
    b"From: a@ccm.example\r\nFrom: b@ccm.example\r\nSubject: x\r\n\r\nbody\r\n",
    b"From: a@ccm.example, b@ccm.example\r\nSubject: x\r\n\r\nbody\r\n",
])
def test_refuses_messages_without_exactly_one_sender(keystore, message):
    with pytest.raises(SigningError):
        sign_message_bytes(message, keystore)


def test_fixed_time_gives_fixed_t_tag(keystore):
    sig = signatures(sign_message_bytes(build_message(), keystore, now=1380706200))[0]
    assert sig[b"t"] == b"1380706200"


def test_unsubscribe_headers_follow_rfc_2369_and_8058():
    url = "https://www.ccm.example/mail/unsubscribe/" + new_unsubscribe_token() + "/"
    headers = list_unsubscribe_headers(url)
    assert headers == {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@pytest.mark.parametrize("url", [
    "http://www.ccm.example/unsubscribe/abc",
    "mailto:unsubscribe@ccm.example",
    "/mail/unsubscribe/abc",
    "https://www.ccm.example/u/a>b",
    "https://www.ccm.example/u/a,<https://evil.example>",
])
def test_unsubscribe_headers_refuse_anything_but_a_plain_https_url(url):
    with pytest.raises(ValueError):
        list_unsubscribe_headers(url)


def test_unsubscribe_tokens_are_long_and_unique():
    tokens = {new_unsubscribe_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(len(t) >= 43 and re.fullmatch(r"[A-Za-z0-9_-]+", t) for t in tokens)
