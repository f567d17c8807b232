"""The tiles of c2sp.org/tlog-tiles: the tree and the entries as static, cacheable files.

A tile at level L, index N holds up to 256 consecutive node hashes of tree level 8·L (level 0:
the leaf hashes); a full tile has 256 (8,192 bytes), the rightmost tile of a level may be
partial (1 to 255 hashes, path suffix ``.p/<W>``). An entry bundle holds the entries of one
level-0 tile, each prefixed by its length as a big-endian uint16. ``N`` is written in 3-digit
path elements, all but the last prefixed by ``x``: 1234067 is ``x001/x234/067``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "TILE_HEIGHT", "TILE_WIDTH", "Tile", "TileError", "entry_bundle", "parse_entry_bundle",
    "parse_tile_path", "split_hashes", "tiles_for_size",
]

TILE_HEIGHT = 8
TILE_WIDTH = 1 << TILE_HEIGHT
HASH_SIZE = 32
MAX_ENTRY = 0xFFFF

_PATH = re.compile(
    r"(?P<level>entries|0|[1-9][0-9]?)/(?P<index>(?:x[0-9]{3}/)*[0-9]{3})"
    r"(?:\.p/(?P<width>[1-9][0-9]{0,2}))?\Z"
)


class TileError(ValueError):
    """A tile path or a tile's bytes are malformed."""


def _encode_index(index: int) -> str:
    groups = []
    while True:
        groups.append(f"{index % 1000:03d}")
        index //= 1000
        if index == 0:
            break
    groups.reverse()
    return "/".join(["x" + g for g in groups[:-1]] + [groups[-1]])


@dataclass(frozen=True)
class Tile:
    """A tile (``level`` ≥ 0) or an entry bundle (``level`` None), with its width."""

    level: int | None
    index: int
    width: int = TILE_WIDTH

    @property
    def partial(self) -> bool:
        return self.width < TILE_WIDTH

    @property
    def path(self) -> str:
        """Return the path under the log's prefix, e.g. ``tile/0/x001/234.p/7``."""
        level = "entries" if self.level is None else str(self.level)
        suffix = f".p/{self.width}" if self.partial else ""
        return f"tile/{level}/{_encode_index(self.index)}{suffix}"

    @property
    def first(self) -> int:
        """Return the index, at tree level 8·level, of the tile's first node (or entry)."""
        return self.index * TILE_WIDTH

    @property
    def tree_level(self) -> int:
        return TILE_HEIGHT * (self.level or 0)


def parse_tile_path(path: str) -> Tile:
    """Return the tile of a path after ``tile/`` (e.g. ``0/x001/234.p/7``, ``entries/000``)."""
    match = _PATH.match(path)
    if not match:
        raise TileError(f"{path!r} is not a tile path")
    groups = match["index"].split("/")
    index = int("".join(g.lstrip("x") for g in groups))
    if len(groups) > 1 and groups[0] == "x000":
        raise TileError(f"{path!r}: the index has a leading zero group")
    width = int(match["width"]) if match["width"] else TILE_WIDTH
    if match["width"] and width >= TILE_WIDTH:
        raise TileError(f"{path!r}: a partial tile is 1 to 255 wide")
    level = None if match["level"] == "entries" else int(match["level"])
    if level is not None and level > 63:
        raise TileError(f"{path!r}: level above 63")
    return Tile(level, index, width)


def tiles_for_size(size: int) -> list[Tile]:
    """Return every tile and entry bundle a tree of ``size`` entries is served as."""
    tiles = []
    level = 0
    count = size
    while count:
        full, rest = divmod(count, TILE_WIDTH)
        tiles += [Tile(level, n) for n in range(full)]
        if rest:
            tiles.append(Tile(level, full, rest))
        if level == 0:
            tiles += [Tile(None, t.index, t.width) for t in tiles if t.level == 0]
        level += 1
        count >>= TILE_HEIGHT
    return tiles


def entry_bundle(entries: list[bytes]) -> bytes:
    """Return entries as a bundle: each prefixed with its length as a big-endian uint16."""
    out = bytearray()
    for entry in entries:
        if len(entry) > MAX_ENTRY:
            raise TileError(f"an entry of {len(entry)} bytes does not fit a bundle")
        out += len(entry).to_bytes(2, "big") + entry
    return bytes(out)


def parse_entry_bundle(data: bytes, count: int) -> list[bytes]:
    """Return the ``count`` entries of a bundle, refusing bytes left over or missing."""
    entries, at = [], 0
    for _ in range(count):
        if at + 2 > len(data):
            raise TileError(f"the bundle ends after {len(entries)} of {count} entries")
        length = int.from_bytes(data[at:at + 2], "big")
        entries.append(data[at + 2:at + 2 + length])
        at += 2 + length
        if at > len(data):
            raise TileError(f"entry {len(entries) - 1} of the bundle is cut short")
    if at != len(data):
        raise TileError(f"the bundle holds more than {count} entries")
    return entries


def split_hashes(data: bytes, width: int) -> list[bytes]:
    """Return the ``width`` hashes of a tile's bytes."""
    if len(data) != width * HASH_SIZE:
        raise TileError(f"a tile of width {width} is {width * HASH_SIZE} bytes, "
                        f"not {len(data)}")
    return [data[i:i + HASH_SIZE] for i in range(0, len(data), HASH_SIZE)]
