"""Our fast canonicalization and parsing give dkimpy's bytes exactly.

Signatures made with one reading of a message and checked with another fail, so
every shortcut is compared with dkimpy on generated messages full of edge cases.
"""

from __future__ import annotations

import time

import dkim
from dkim.canonicalization import Relaxed
from hypothesis import given, settings
from hypothesis import strategies as st

from treatydesk.core.mailtrust.canonical import relaxed_body, relaxed_header
from treatydesk.core.mailtrust.signing import _parse

pieces = st.sampled_from([
    b"a", b"From: a@ccm.example", b"Subject: x", b" ", b"  ", b"\t", b"\r\n", b"\n", b"\r",
    b"\r\n\r\n", b"\n\n", b" cont", b"From x", b"\x0b", b"\xff", b":", b"X:\n y",
])
texts = st.lists(pieces, max_size=24).map(b"".join)


def outcome(function, raw):
    try:
        return function(raw)
    except (dkim.MessageFormatError, IndexError) as error:
        return type(error)


@settings(max_examples=1000)
@given(texts)
def test_relaxed_body_equals_dkimpy(body):
    assert relaxed_body(body) == Relaxed.canonicalize_body(body)


@settings(max_examples=1000)
@given(name=st.sampled_from([b"Subject", b"FROM", b"x-a"]), value=texts)
def test_relaxed_header_equals_dkimpy(name, value):
    canonical_name, canonical_value = Relaxed.canonicalize_headers([(name, value)])[0]
    assert relaxed_header(name, value) == canonical_name + b":" + canonical_value


@settings(max_examples=1000)
@given(texts)
def test_fast_parse_equals_dkimpy(raw):
    assert outcome(_parse, raw) == outcome(dkim.rfc822_parse, raw)


def test_relaxed_body_is_linear_on_long_runs_of_spaces():
    body = b"a" + b" \t" * 2_000_000 + b"b\r\n"
    start = time.perf_counter()
    assert relaxed_body(body) == b"a b\r\n"
    assert time.perf_counter() - start < 2
