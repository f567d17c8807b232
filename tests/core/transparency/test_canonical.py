"""RFC 8785 canonical JSON against the RFC's own examples (data/rfc8785_vectors.json)."""

import json
import struct
from pathlib import Path

import pytest

from treatydesk.core.transparency import CanonicalJsonError, canonical_json

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
