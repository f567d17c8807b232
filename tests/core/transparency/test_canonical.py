"""RFC 8785 canonical JSON against the RFC's own examples (data/rfc8785_vectors.json)."""

import json
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatydesk.core.transparency import CanonicalJsonError, canonical_json
from treatydesk.core.transparency.canonical import parse_canonical

VECTORS = json.loads((Path(__file__).parent / "data" / "rfc8785_vectors.json").read_text())


def _double(bits: str) -> float:
    return struct.unpack(">d", bytes.fromhex(bits))[0]


@pytest.mark.parametrize(("bits", "text"), VECTORS["numbers"])
def test_numbers_are_written_as_appendix_b_says(bits, text):
    assert canonical_json([_double(bits)]) == f"[{text}]".encode()


@pytest.mark.parametrize("bits", VECTORS["invalid_numbers"])
def test_nan_and_infinity_are_refused(bits):
    with pytest.raises(CanonicalJsonError):
        canonical_json(_double(bits))


def test_the_combined_example_of_section_3_2_2():
    value = json.loads(VECTORS["example_input"])
    assert canonical_json(value) == VECTORS["example_output"].encode("utf-8")


def test_names_sort_by_utf16_code_units_as_section_3_2_3_shows():
    value = {key: index for index, key in enumerate(VECTORS["sorting_keys"])}
    order = list(json.loads(canonical_json(value)))
    assert order == VECTORS["sorting_order"]


def test_member_order_does_not_change_the_bytes():
    assert canonical_json({"b": 1, "a": [None, True]}) == canonical_json({"a": [None, True],
                                                                          "b": 1})


@pytest.mark.parametrize("value", [{1: "x"}, "\ud800", 2 ** 60, object()])
def test_values_outside_i_json_are_refused(value):
    with pytest.raises(CanonicalJsonError):
        canonical_json(value)


# parse_canonical takes the standard library's C writer where it agrees with RFC 8785; the
# pure-Python writer (checked against the RFC above) is the oracle it must always agree with.
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2 ** 60), 2 ** 60)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12)


def _slow_verdict(data: bytes):
    try:
        value = json.loads(data.decode("utf-8"))
        return canonical_json(value) == data
    except (ValueError, CanonicalJsonError):
        return False


def _fast_verdict(data: bytes):
    try:
        parse_canonical(data)
        return True
    except (ValueError, CanonicalJsonError):
        return False


@settings(max_examples=400, deadline=None)
@given(_json_values)
def test_the_fast_check_agrees_with_the_rfc_writer(value):
    try:
        canonical = canonical_json(value)
    except CanonicalJsonError:
        canonical = None
    texts = [json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"),
             json.dumps(value, sort_keys=True, separators=(",", ":")).encode(),
             json.dumps(value, ensure_ascii=False, sort_keys=True,
                        separators=(",", ":")).encode("utf-8", "surrogatepass")]
    if canonical is not None:
        texts.append(canonical)
    for data in texts:
        assert _fast_verdict(data) == _slow_verdict(data), data


@pytest.mark.parametrize("data", [
    b'{"a":1.0}', b'{"a":1e21}', b'{"a":9007199254740993}', b'{"a":-0}', b'{"b":1,"a":2}',
    b'{"a": 1}', b'{"a":"\\u00e9"}', b'{"a":"\\/"}', b'{"a":"\\ud800"}',
    '{"\ufb01":2,"\U0001f600":1}'.encode(), b'{"a":1,"a":1}', b'{"a":"\\u001F"}',
])
def test_the_fast_check_refuses_what_rfc_8785_would_write_otherwise(data):
    assert not _fast_verdict(data) and not _slow_verdict(data)


@pytest.mark.parametrize("data", [
    b'{"a":1.5}', b'{"a":1e+21}', '{"\U0001f600":1,"\ufb01":2}'.encode(), b'{"a":"\\u001f"}',
    '{"a":"é\u007f"}'.encode(), b'[9007199254740992]',
])
def test_the_fast_check_accepts_what_rfc_8785_writes(data):
    assert _fast_verdict(data) and _slow_verdict(data)
