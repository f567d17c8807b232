"""Signed notes and checkpoints: the Go sumdb/note vector (data/signed_note_vectors.json)."""

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from treatydesk.core.transparency import (
    Checkpoint,
    CheckpointError,
    NoteError,
    NoteSigner,
    NoteVerifier,
    open_note,
    sign_note,
)

V = json.loads((Path(__file__).parent / "data" / "signed_note_vectors.json").read_text())


def test_the_vkey_parses_and_its_hash_is_the_key_id():
    verifier = NoteVerifier.from_vkey(V["vkey"])
    assert verifier.name == "PeterNeumann"
    assert verifier.vkey == V["vkey"]


def test_signing_the_text_gives_the_published_note_byte_for_byte():
    signer = NoteSigner.from_skey(V["skey"])
    assert signer.verifier.vkey == V["vkey"]
    assert sign_note(V["text"], [signer]) == V["note"]


def test_the_published_note_opens_with_its_key_and_not_with_another():
    text, good = open_note(V["note"], [NoteVerifier.from_vkey(V["vkey"])])
    assert text == V["text"] and [v.vkey for v in good] == [V["vkey"]]
    with pytest.raises(NoteError, match="no signature by a trusted key"):
        open_note(V["note"], [NoteVerifier.from_vkey(V["other_vkey"])])


def test_a_changed_text_or_signature_is_rejected():
    verifier = NoteVerifier.from_vkey(V["vkey"])
    with pytest.raises(NoteError, match="does not verify"):
        open_note(V["note"].replace("problem,", "problem;"), [verifier])
    line = V["note"].rstrip("\n").rsplit(" ", 1)
    flipped = line[0] + " " + ("A" if line[1][10] != "A" else "B").join(
        [line[1][:10], line[1][11:]]) + "\n"
    with pytest.raises(NoteError):
        open_note(flipped, [verifier])


@pytest.mark.parametrize("vkey", [
    "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    "PeterNeumann+c74f20a3+AhpZ2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    "PeterNeumann+c74f20a3",
])
def test_mangled_vkeys_are_refused(vkey):
    with pytest.raises(NoteError):
        NoteVerifier.from_vkey(vkey)


def test_a_checkpoint_round_trips_through_a_signed_note():
    signer = NoteSigner("example.org/log", ed25519.Ed25519PrivateKey.generate())
    checkpoint = Checkpoint("example.org/log", 123, bytes(range(32)))
    assert checkpoint.body() == ("example.org/log\n123\n"
                                 "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n")
    text, _ = open_note(sign_note(checkpoint.body(), [signer]), [signer.verifier])
    assert Checkpoint.parse(text) == checkpoint


@pytest.mark.parametrize("text", ["o\n012\nAAAA\n", "o\n1\n", "o\n1\nAAAA\n", "o\n1\n!!\n"])
def test_malformed_checkpoints_are_refused(text):
    with pytest.raises(CheckpointError):
        Checkpoint.parse(text)
