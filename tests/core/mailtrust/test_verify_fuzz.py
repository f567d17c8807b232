"""Fuzzing verification: no input raises, and no change to our mail passes as ours."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatydesk.core.mailtrust.keys import KeyStore
from treatydesk.core.mailtrust.signing import SIGNED_HEADERS, sign_message_bytes
from treatydesk.core.mailtrust.verify import Verdict, VerificationResult, verify_message

from .conftest import build_message

FUZZ = settings(
    # MAILTRUST_FUZZ_EXAMPLES=20000 for a long run before a release.
    max_examples=int(os.environ.get("MAILTRUST_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def store(dkim_template):
    # One store for the module: hypothesis runs each test hundreds of times.
    root = tempfile.mkdtemp()
    shutil.copytree(dkim_template, root, dirs_exist_ok=True)
    yield KeyStore(root)
    shutil.rmtree(root)


@pytest.fixture(scope="module")
def signed_notice(store) -> bytes:
    return sign_message_bytes(build_message(), store)


def check(raw, store) -> VerificationResult:
    result = verify_message(raw, store)
    assert isinstance(result.verdict, Verdict)
    assert result.reasons, "every verdict says why"
    for reason in result.reasons:
        str(reason).encode("utf-8")
    for text in (result.subject, result.message_id):
        if text is not None:
            text.encode("utf-8")  # the page can always show it
    return result


@FUZZ
@given(raw=st.binary(max_size=4096))
def test_random_bytes(store, raw):
    assert check(raw, store).verdict is not Verdict.AUTHENTIC


@FUZZ
@given(text=st.text(max_size=2048))
def test_random_pasted_text(store, text):
    assert check(text, store).verdict is not Verdict.AUTHENTIC


header_names = st.sampled_from([
    "From", "from", "FROM", "Subject", "To", "Reply-To", "DKIM-Signature", "dkim-signature",
    "Authentication-Results", "List-Unsubscribe", "Message-ID", "Content-Type", "X-Junk",
])
signature_values = st.builds(
    lambda tags: "; ".join(f"{k}={v}" for k, v in tags),
    st.lists(st.tuples(
        st.sampled_from(["v", "a", "b", "bh", "c", "d", "h", "s", "l", "t", "x", "i", "q", "z"]),
        st.one_of(
            st.sampled_from(["1", "rsa-sha256", "rsa-sha1", "ed25519-sha256", "relaxed/relaxed",
                             "simple", "ccm.example", "td2026r", "td2026e", "from:subject",
                             "from:from", "0", "99999999999", "AAAA", "=", "@ccm.example", ""]),
            st.text(max_size=30),
        ),
    ), max_size=12),
)
header_values = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["notices@ccm.example", "<notices@ccm.example>", "x@", "@", "<>",
                     "a@b, c@d", "=?utf-8?q?=C3=A9?= <notices@ccm.example>", "=?bogus?x?y?="]),
    signature_values,
)


@FUZZ
@given(
    headers=st.lists(st.tuples(header_names, header_values), max_size=12),
    body=st.binary(max_size=300),
    linesep=st.sampled_from(["\r\n", "\n", "\r"]),
)
def test_structured_headers(store, headers, body, linesep):
    raw = "".join(f"{n}: {v}{linesep}" for n, v in headers).encode("utf-8", "surrogatepass")
    assert check(raw + linesep.encode() + body, store).verdict is not Verdict.AUTHENTIC


@FUZZ
@given(data=st.data())
def test_mutated_signed_notice_never_raises(store, signed_notice, data):
    raw = bytearray(signed_notice)
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace", "truncate"]))
        chunk = data.draw(st.binary(min_size=1, max_size=8))
        if action == "insert":
            raw[position:position] = chunk
        elif action == "delete":
            del raw[position:position + len(chunk)]
        elif action == "replace":
            raw[position:position + len(chunk)] = chunk
        else:
            del raw[position:]
    check(bytes(raw), store)


@FUZZ
@given(data=st.data())
def test_any_visible_body_change_is_caught(store, signed_notice, data):
    body_start = signed_notice.index(b"\r\n\r\n") + 4
    position = data.draw(st.integers(body_start, len(signed_notice) - 1))
    original = signed_notice[position]
    # Relaxed canonicalization forgives changes to white space only; anything else counts.
    if original in b" \t\r\n":
        return
    replacement = data.draw(st.integers(0x21, 0x7E).filter(lambda b: b != original))
    tampered = signed_notice[:position] + bytes([replacement]) + signed_notice[position + 1:]
    result = check(tampered, store)
    assert result.verdict is Verdict.NOT_FROM_US
    assert [r.code for r in result.reasons] == ["body-changed"]


@FUZZ
@given(
    name=st.sampled_from(SIGNED_HEADERS),
    value=st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40),
    on_top=st.booleans(),
)
def test_no_signed_header_can_be_added(store, signed_notice, name, value, on_top):
    line = f"{name}: {value}\r\n".encode()
    if on_top:
        tampered = line + signed_notice
    else:
        split = signed_notice.index(b"\r\n\r\n") + 2
        tampered = signed_notice[:split] + line + signed_notice[split:]
    assert check(tampered, store).verdict is Verdict.NOT_FROM_US


def test_the_fuzzed_notice_is_authentic_to_begin_with(store, signed_notice):
    assert verify_message(signed_notice, store).verdict is Verdict.AUTHENTIC
