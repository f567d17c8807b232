"""Benchmark the pictures: an uncached world map and the charts, drawn from a computed register.

Run: .venv/bin/python bench/pictures.py [--repeat 50]

Prints, in one run, the median of --repeat runs of:
- baseline: Register.participants(day), what the States Parties page computes for its table;
- map: the statuses on a day and the whole SVG with every State's title (target < 30 ms),
  and the SVG's size (target < 150 KB);
- map as PNG (resvg, 1200 px wide), for the file download;
- cumulative chart: counts at every year end and its SVG;
and the ratio of each figure to the baseline. The register is built once, as the site keeps it
cached; nothing of the map is cached between runs (a different day each run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time

from treatydesk.core import pictures
from treatydesk.core import register as core

TARGET_MAP = 0.030
TARGET_BYTES = 150 * 1024
LEGEND = {key: key.replace("_", " ") for key in pictures.MAP_KEYS}


def median_time(function, repeat: int) -> float:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        function(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    facts, _problems = core.load_shipped_facts("CCM")
    register = core.Register(core.load_treaty("CCM"), facts, today=dt.date(2026, 6, 1))
    names = dict(register.names)
    first = dt.date(2010, 1, 1)

    def day(i: int) -> dt.date:
        return first + dt.timedelta(days=97 * i)

    def label(code: str, key: str) -> str:
        return f"{names.get(code, code)}: {LEGEND[key]}"

    def draw(i: int) -> str:
        on = day(i)
        return pictures.world_map(pictures.map_statuses(register, on), label,
                                  pictures.MapText("CCM", "map", LEGEND))

    pictures.world()  # the geometry is read once per process, like the register is built once
    baseline = median_time(lambda i: register.participants(day(i)), args.repeat)
    map_time = median_time(draw, args.repeat)
    size = max(len(draw(i).encode()) for i in range(5))
    svg = draw(0)
    png_time = median_time(lambda i: pictures_png(svg), max(3, args.repeat // 10))
    chart_time = median_time(
        lambda i: pictures.line_chart(
            [r.year for r in pictures.cumulative(register, day(i))],
            [pictures.Series("parties", [r.states_parties
                                         for r in pictures.cumulative(register, day(i))], "#000")],
            pictures.Words("t", "d")), args.repeat)
    rows = [
        ("baseline: participants(day)", baseline, ""),
        ("map: statuses + SVG", map_time, f"target < {TARGET_MAP * 1000:.0f} ms"),
        ("map as PNG (1200 px)", png_time, ""),
        ("cumulative chart", chart_time, ""),
    ]
    print(f"CCM register, {len(register.states)} States; median of {args.repeat} runs")
    for name, seconds, note in rows:
        print(f"  {name:<30} {seconds * 1000:8.2f} ms  ×{seconds / baseline:6.1f} baseline  {note}")
    print(f"  map SVG size {size / 1024:8.1f} KB  target < {TARGET_BYTES // 1024} KB")
    ok = map_time < TARGET_MAP and size < TARGET_BYTES
    print("  within targets" if ok else "  OVER TARGET")
    return 0 if ok else 1


def pictures_png(svg: str) -> bytes:
    import resvg_py  # lazy: only this figure needs the renderer

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=1200))


if __name__ == "__main__":
    sys.exit(main())
