"""The Merkle tree against the RFC 6962 test vectors (data/rfc6962_vectors.json, source inside)."""

import json
from pathlib import Path

import pytest

from treatydesk.core.transparency import (
    EMPTY_ROOT,
    Frontier,
    MemoryTree,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    verify_consistency,
    verify_inclusion,
)

VECTORS = json.loads((Path(__file__).parent / "data" / "rfc6962_vectors.json").read_text())
INPUTS = [bytes.fromhex(x) for x in VECTORS["inputs"]]
ROOTS = [bytes.fromhex(x) for x in VECTORS["roots"]]


def _tree(size=8):
    return MemoryTree(leaf_hash(x) for x in INPUTS[:size])


def _hex(hashes):
    return [h.hex() for h in hashes]


def test_the_empty_tree_hashes_as_the_empty_string():
    assert EMPTY_ROOT.hex() == VECTORS["empty_root"]
    assert MemoryTree().root() == EMPTY_ROOT


@pytest.mark.parametrize("size", range(1, 9))
def test_roots_of_sizes_1_to_8(size):
    assert _tree().root(size) == ROOTS[size - 1]
    assert _tree(size).root() == ROOTS[size - 1]


@pytest.mark.parametrize("size", range(0, 9))
def test_the_frontier_gives_the_same_root_and_the_nodes_it_completes(size):
    frontier, made = Frontier(), {}
    for entry in INPUTS[:size]:
        for level, index, value in frontier.append(leaf_hash(entry)):
            made[(level, index)] = value
    assert frontier.root() == (ROOTS[size - 1] if size else EMPTY_ROOT)
    assert made == _tree(size).nodes(made)
    assert Frontier(frontier.size, frontier.hashes).root() == frontier.root()


@pytest.mark.parametrize("case", VECTORS["paths"], ids=lambda c: f"{c['leaf']}-of-{c['size']}")
def test_inclusion_paths(case):
    index, size = case["leaf"] - 1, case["size"]
    proof = inclusion_proof(_tree(), index, size)
    assert _hex(proof) == case["path"]
    assert verify_inclusion(leaf_hash(INPUTS[index]), index, size, proof, ROOTS[size - 1])


@pytest.mark.parametrize("case", VECTORS["paths"][1:], ids=lambda c: f"{c['leaf']}-of-{c['size']}")
def test_a_wrong_inclusion_fails(case):
    index, size = case["leaf"] - 1, case["size"]
    proof = [bytes.fromhex(x) for x in case["path"]]
    entry, root = leaf_hash(INPUTS[index]), ROOTS[size - 1]
    assert not verify_inclusion(leaf_hash(b"WrongLeaf"), index, size, proof, root)
    assert not verify_inclusion(entry, index ^ 1, size, proof, root)
    assert not verify_inclusion(entry, index, size * 2, proof, root)
    assert not verify_inclusion(entry, index, size, proof, EMPTY_ROOT)
    assert not verify_inclusion(entry, index, size, proof + [root], root)
    assert not verify_inclusion(entry, index, size, proof[:-1], root)
    for j in range(len(proof)):
        wrong = list(proof)
        wrong[j] = EMPTY_ROOT
        assert not verify_inclusion(entry, index, size, wrong, root)


@pytest.mark.parametrize("case", VECTORS["consistency"],
                         ids=lambda c: f"{c['first']}-to-{c['second']}")
def test_consistency_proofs(case):
    first, second = case["first"], case["second"]
    proof = consistency_proof(_tree(), first, second)
    assert _hex(proof) == case["proof"]
    assert verify_consistency(first, second, ROOTS[first - 1], ROOTS[second - 1], proof)


@pytest.mark.parametrize("case", VECTORS["consistency"][1:],
                         ids=lambda c: f"{c['first']}-to-{c['second']}")
def test_a_wrong_consistency_fails(case):
    first, second = case["first"], case["second"]
    proof = [bytes.fromhex(x) for x in case["proof"]]
    r1, r2 = ROOTS[first - 1], ROOTS[second - 1]
    assert not verify_consistency(first, second, r2, r1, proof)
    assert not verify_consistency(first, second, r1, EMPTY_ROOT, proof)
    assert not verify_consistency(first ^ 2, second, r1, r2, proof)
    assert not verify_consistency(first, second, r1, r2, [])
    assert not verify_consistency(first, second, r1, r2, proof[:-1])
    for j in range(len(proof)):
        wrong = list(proof)
        wrong[j] = EMPTY_ROOT
        assert not verify_consistency(first, second, r1, r2, wrong)


def test_every_proof_of_a_bigger_tree_verifies():
    entries = [bytes([i % 256, i // 256]) for i in range(300)]
    tree = MemoryTree(leaf_hash(e) for e in entries)
    for size in (1, 2, 3, 7, 64, 255, 256, 257, 300):
        root = tree.root(size)
        for index in {0, size // 2, size - 1}:
            proof = inclusion_proof(tree, index, size)
            assert verify_inclusion(leaf_hash(entries[index]), index, size, proof, root)
        for first in {1, size // 3 or 1, size - 1 or 1}:
            proof = consistency_proof(tree, first, size)
            assert verify_consistency(first, size, tree.root(first), root, proof)
