"""tlog-tiles paths, partial tiles and entry bundles (c2sp.org/tlog-tiles)."""

import pytest

from treatydesk.core.transparency import (
    Tile,
    TileError,
    entry_bundle,
    parse_entry_bundle,
    parse_tile_path,
    tiles_for_size,
)


@pytest.mark.parametrize(("tile", "path"), [
    (Tile(0, 1234067), "tile/0/x001/x234/067"),
    (Tile(0, 0, 7), "tile/0/000.p/7"),
    (Tile(2, 1000), "tile/2/x001/000"),
    (Tile(None, 5, 255), "tile/entries/005.p/255"),
])
def test_paths_and_their_parse(tile, path):
    assert tile.path == path
    assert parse_tile_path(path.removeprefix("tile/")) == tile


@pytest.mark.parametrize("path", ["0/1", "0/x000/001", "64/000", "0/000.p/256", "0/000.p/0",
                                  "00/000", "0/000/", "entries/x1/000"])
def test_bad_paths_are_refused(path):
    with pytest.raises(TileError):
        parse_tile_path(path)


def test_the_spec_example_of_a_tree_of_70000():
    tiles = tiles_for_size(70_000)
    level0 = [t for t in tiles if t.level == 0]
    assert len([t for t in level0 if not t.partial]) == 273
    assert [t.width for t in level0 if t.partial] == [112]
    assert [(t.level, t.width) for t in tiles if t.level and t.level > 0] == [(1, 256), (1, 17),
                                                                             (2, 1)]
    assert len([t for t in tiles if t.level is None]) == 274


def test_a_tree_of_256_is_one_full_tile_and_a_partial_level_1():
    assert tiles_for_size(256) == [Tile(0, 0), Tile(None, 0), Tile(1, 0, 1)]


def test_entry_bundles_round_trip_and_refuse_leftovers():
    entries = [b"", b"a", bytes(300)]
    data = entry_bundle(entries)
    assert data[:2] == b"\x00\x00" and data[2:5] == b"\x00\x01a"
    assert parse_entry_bundle(data, 3) == entries
    with pytest.raises(TileError):
        parse_entry_bundle(data, 2)
    with pytest.raises(TileError):
        parse_entry_bundle(data[:-1], 3)
