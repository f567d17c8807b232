"""The checkpoint of c2sp.org/tlog-checkpoint: origin, tree size and root hash, signed as a note.

The body is three lines, each ending in a newline: the origin (the log's name, by convention its
URL without the scheme), the tree size in decimal without leading zeroes, and the root hash in
standard base64. Extension lines may follow; this log writes none and keeps those it reads.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field

__all__ = ["Checkpoint", "CheckpointError"]

_SIZE = re.compile(r"(0|[1-9][0-9]{0,19})\Z")


class CheckpointError(ValueError):
    """The text is not a checkpoint body."""


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = field(default=())

    def body(self) -> str:
        lines = [self.origin, str(self.size), base64.b64encode(self.root).decode(),
                 *self.extensions]
        return "".join(line + "\n" for line in lines)

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        if not text.endswith("\n"):
            raise CheckpointError("a checkpoint ends with a newline")
        lines = text[:-1].split("\n")
        if len(lines) < 3 or not lines[0]:
            raise CheckpointError("a checkpoint has an origin, a size and a root hash")
        if not _SIZE.match(lines[1]):
            raise CheckpointError(f"tree size {lines[1]!r} is not a decimal number")
        try:
            root = base64.b64decode(lines[2], validate=True)
        except binascii.Error:
            raise CheckpointError(f"root hash {lines[2]!r} is not base64") from None
        if len(root) != 32:
            raise CheckpointError("the root hash is not 32 bytes")
        return cls(lines[0], int(lines[1]), root, tuple(lines[3:]))
