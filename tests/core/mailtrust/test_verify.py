"""Verification: what makes a message authentic, and what each refusal says."""

from __future__ import annotations

import time

import dkim
import pytest

from treatydesk.core.mailtrust.keys import KeyStore
from treatydesk.core.mailtrust.signing import sign_message_bytes
from treatydesk.core.mailtrust.verify import MAX_MESSAGE_BYTES, Verdict, verify_message

from .conftest import DOMAIN, ED_SELECTOR, RSA_SELECTOR, build_message


def reason_codes(result) -> list[str]:
    return [r.code for r in result.reasons]


def sign_with_dkimpy(message: bytes, keystore, **options) -> bytes:
    """Sign with dkimpy and our RSA key, as other software might (rsa-sha1, l=, ...)."""
    key = keystore.get(DOMAIN, RSA_SELECTOR)
    options.setdefault("canonicalize", (b"relaxed", b"relaxed"))
    signature = dkim.sign(message, RSA_SELECTOR.encode(), DOMAIN.encode(), key.private_pem,
                          **options)
    return signature + message


def test_our_signed_notice_is_authentic(keystore, signed):
    result = verify_message(signed, keystore)
    assert result.verdict is Verdict.AUTHENTIC
    assert result.authentic
    assert reason_codes(result) == ["signed"]
    assert str(result.reasons[0]) == (
        "This message was signed by ccm.example and has not been changed since.")
    assert result.subject == "Iraq becomes the 83rd State Party"
    assert result.message_id.endswith("@ccm.example") and "<" not in result.message_id
    assert result.from_domain == DOMAIN
    assert [s.valid for s in result.signatures] == [True, True]
    assert result.verdict.exit_code == 0


@pytest.mark.parametrize("selector", [RSA_SELECTOR, ED_SELECTOR])
def test_each_signature_alone_is_enough(keystore, selector):
    other = ED_SELECTOR if selector == RSA_SELECTOR else RSA_SELECTOR
    keystore.retire(DOMAIN, other)
    keystore.remove(DOMAIN, other)
    signed = sign_message_bytes(build_message(), keystore)
    assert verify_message(signed, keystore).verdict is Verdict.AUTHENTIC


def test_one_body_byte_changed(keystore, signed):
    tampered = signed.replace(b"83rd State", b"84rd State")
    assert tampered != signed
    result = verify_message(tampered, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert [str(r) for r in result.reasons] == [
        "The message body was changed after we signed it."]
    assert result.verdict.exit_code == 1


def test_subject_changed(keystore, signed):
    tampered = signed.replace(b"Subject: Iraq becomes", b"Subject: Urgent: Iraq becomes")
    result = verify_message(tampered, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert reason_codes(result) == ["headers-changed"]


def test_forged_copy_with_our_from_and_no_signature(keystore):
    result = verify_message(build_message(), keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert [str(r) for r in result.reasons] == [
        "This message claims to be from ccm.example but carries no signature from us."]


def test_authentication_results_in_the_message_are_ignored(keystore):
    forged = (b"Authentication-Results: mx.university.example; dkim=pass header.d=ccm.example;"
              b" spf=pass; dmarc=pass\r\n" + build_message())
    assert verify_message(forged, keystore).verdict is Verdict.NOT_FROM_US


def test_rsa_sha1_is_refused_though_dkimpy_accepts_it(keystore):
    signed = sign_with_dkimpy(build_message(), keystore, signature_algorithm=b"rsa-sha1")
    lookup = lambda name, timeout=5: keystore.get(DOMAIN, RSA_SELECTOR).public_record.encode()  # noqa: E731
    assert dkim.verify(signed, dnsfunc=lookup)  # a plain DKIM check would pass it
    result = verify_message(signed, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert reason_codes(result) == ["rsa-sha1"]


def test_partial_body_signature_is_refused(keystore):
    signed = sign_with_dkimpy(build_message(), keystore, length=True)
    appended = signed + b"\r\nClick https://evil.example/document to read the full notice.\r\n"
    result = verify_message(appended, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert reason_codes(result) == ["partial-body"]


def test_header_added_above_a_signature_that_did_not_oversign(keystore):
    # A signature covering each header once (as many signers do) still verifies with
    # dkimpy when a second Subject is added on top; our check refuses it.
    message = build_message()
    signed = sign_with_dkimpy(message, keystore, include_headers=[
        b"from", b"subject", b"date", b"to", b"message-id"])
    tampered = b"Subject: Re: Important Confidential Document\r\n" + signed
    key = keystore.get(DOMAIN, RSA_SELECTOR)
    assert dkim.verify(tampered, dnsfunc=lambda name, timeout=5: key.public_record.encode())
    result = verify_message(tampered, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert [str(r) for r in result.reasons] == [
        "A Subject line was added to the message after we signed it."]


@pytest.mark.parametrize("extra", [
    b"Reply-To: secretariat@evil.example\r\n",
    b"Subject: Re: Important Confidential Document\r\n",
    b"To: someone@else.example\r\n",
    b"List-Unsubscribe: <https://evil.example/u>\r\n",
    b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
])
def test_any_protected_header_added_to_our_mail(keystore, signed, extra):
    result = verify_message(extra + signed, keystore)
    assert result.verdict is Verdict.NOT_FROM_US


def test_second_from_line(keystore, signed):
    result = verify_message(b"From: Secretariat <notices@ccm.example>\r\n" + signed, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert reason_codes(result) == ["multiple-from"]


def test_unprotected_header_added_by_a_relay_is_fine(keystore, signed):
    relayed = (b"Received: from mx.ccm.example by mx.university.example; "
               b"Wed, 2 Oct 2013 09:31:00 +0000\r\nX-Spam-Score: 0.1\r\n" + signed)
    assert verify_message(relayed, keystore).verdict is Verdict.AUTHENTIC


def test_signature_by_another_domain_does_not_count(keystore, tmp_path):
    evil = KeyStore(tmp_path / "evil")
    evil.generate("evil.example", "s1")
    message = build_message()
    key = evil.get("evil.example", "s1")
    signed = dkim.sign(message, b"s1", b"evil.example", key.private_pem) + message
    result = verify_message(signed, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert reason_codes(result) == ["not-aligned"]


def test_signature_claiming_our_selector_but_made_with_another_key(keystore, tmp_path):
    stranger = KeyStore(tmp_path / "stranger")
    stranger.generate(DOMAIN, RSA_SELECTOR)  # same name, another key: a forger's
    signed = sign_message_bytes(build_message(), stranger)
    result = verify_message(signed, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert reason_codes(result) == ["headers-changed"]


def test_signature_with_a_selector_we_never_had(keystore):
    signed = sign_message_bytes(build_message(), keystore)
    renamed = signed.replace(f"s={RSA_SELECTOR};".encode(), b"s=mail2013;")
    renamed = renamed.replace(f"s={ED_SELECTOR};".encode(), b"s=mail2014;")
    result = verify_message(renamed, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert [str(r) for r in result.reasons] == [
        "The signature names a key (mail2013) that is not one of ours.",
        "The signature names a key (mail2014) that is not one of ours.",
    ]


def test_mail_signed_before_a_rotation_still_verifies(keystore):
    signed = sign_message_bytes(build_message(), keystore)
    keystore.generate(DOMAIN, "td2027r", active=False)
    keystore.activate(DOMAIN, "td2027r")
    keystore.retire(DOMAIN, RSA_SELECTOR)
    keystore.retire(DOMAIN, ED_SELECTOR)
    assert verify_message(signed, keystore).verdict is Verdict.AUTHENTIC
    keystore.remove(DOMAIN, RSA_SELECTOR)
    keystore.remove(DOMAIN, ED_SELECTOR)
    assert verify_message(signed, keystore).verdict is Verdict.NOT_FROM_US


def test_mail_from_a_domain_we_do_not_send_from(keystore):
    result = verify_message(build_message(sender="notices@ccm-convention.example"), keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert reason_codes(result) == ["foreign-domain"]


def test_lookalike_display_name_is_judged_by_the_address(keystore):
    message = build_message(sender='"notices@ccm.example" <notices@evil.example>')
    result = verify_message(sign_message_bytes(build_message(), keystore), keystore)
    assert result.authentic
    assert verify_message(message, keystore).from_domain == "evil.example"


def test_saved_with_unix_line_ends_still_verifies(keystore, signed):
    assert verify_message(signed.replace(b"\r\n", b"\n"), keystore).authentic


def test_pasted_text_with_leading_blank_lines_still_verifies(keystore, signed):
    pasted = "\n\n" + signed.decode("utf-8")
    assert verify_message(pasted, keystore).authentic


def test_encoded_subject_is_decoded(keystore):
    signed = sign_message_bytes(build_message(subject="La République d'Iraq"), keystore)
    result = verify_message(signed, keystore)
    assert result.authentic
    assert result.subject == "La République d'Iraq"


@pytest.mark.parametrize("raw", [
    b"",
    b"\x00\xff\xfe garbage",
    b"Hello,\r\n\r\nplease find the document attached.\r\n",
    b"To: x@y.example\r\nSubject: no sender\r\n\r\nbody",
    b" continuation first\r\nFrom: a@ccm.example\r\n",
])
def test_unreadable_input(keystore, raw):
    result = verify_message(raw, keystore)
    assert result.verdict is Verdict.UNREADABLE
    assert result.reasons and str(result.reasons[0])
    assert result.verdict.exit_code == 2


def test_too_large_input_is_refused_quickly(keystore):
    result = verify_message(b"From: a@ccm.example\r\n\r\n" + b"x" * MAX_MESSAGE_BYTES, keystore)
    assert result.verdict is Verdict.UNREADABLE
    assert reason_codes(result) == ["too-large"]


def test_large_signed_message_verifies(keystore):
    body = ("Annex: list of States Parties.\n" * 100_000)  # about 3 MB
    signed = sign_message_bytes(build_message(body=body), keystore)
    assert len(signed) > 3_000_000
    assert verify_message(signed, keystore).authentic


@pytest.mark.parametrize("cut", [10, 40, 200, 700, 1200])
def test_truncated_signed_message_never_passes(keystore, signed, cut):
    result = verify_message(signed[:cut], keystore)
    assert result.verdict in (Verdict.UNREADABLE, Verdict.NOT_FROM_US)


def test_non_utf8_headers_do_not_break_anything(keystore):
    message = build_message().replace(b"Subject: Iraq becomes",
                                      b"Subject: R\xe9publique \xff Iraq becomes")
    signed = sign_message_bytes(message, keystore)
    result = verify_message(signed, keystore)
    assert result.authentic
    result.subject.encode("utf-8")  # always encodable for the page


def test_reasons_can_be_translated(keystore):
    result = verify_message(build_message(), keystore)
    french = {"This message claims to be from %(domain)s but carries no signature from us.":
              "Ce message prétend venir de %(domain)s mais ne porte pas notre signature."}
    assert result.reasons[0].render(lambda s: french.get(s, s)) == (
        "Ce message prétend venir de ccm.example mais ne porte pas notre signature.")


def timed_verify(raw, keystore):
    start = time.perf_counter()
    result = verify_message(raw, keystore)
    return result, time.perf_counter() - start


# Hostile input must not hold a worker: each of these took minutes or hours before
# the limits and the linear canonicalization. The bounds are generous for slow CI.
def test_megabytes_of_spaces_inside_a_body_line_verify_quickly(keystore):
    signed = sign_message_bytes(build_message(body="Iraq will become a State Party\n"),
                                keystore)
    padded = signed.replace(b"Iraq will", b"Iraq" + b" \t" * 3_000_000 + b"will")
    result, seconds = timed_verify(padded, keystore)
    assert result.authentic  # relaxed canonicalization: runs of spaces count as one
    assert seconds < 10


@pytest.mark.parametrize("raw", [
    b"From: " + b"<" * 200_000 + b"a@ccm.example\r\n\r\nx",
    b"From: " + b'"a' * 100_000 + b"a@ccm.example\r\n\r\nx",
    b"From: a@ccm.example\r\nSubject: " + b"=?utf-8?q?a?= " * 15_000 + b"\r\n\r\nx",
    b"X-A: b\r\n" * 3_000_000 + b"From: a@ccm.example\r\n\r\nx",
    b"A" * 20_000_000,
])
def test_hostile_headers_are_answered_quickly(keystore, raw):
    result, seconds = timed_verify(raw, keystore)
    assert result.verdict is not Verdict.AUTHENTIC
    assert seconds < 5


def test_hostile_signature_header_is_answered_quickly(keystore, signed):
    folded = signed.replace(b" b=", b" b=" + b" \r\n " * 25_000)
    assert folded.count(b" \r\n " * 25_000) == 2  # both signatures
    result, seconds = timed_verify(folded, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert seconds < 5
