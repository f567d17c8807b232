"""Make the world map's geometry: treatydesk/core/pictures/world.json, from Natural Earth.

    .venv/bin/python scripts/make_world_map.py            # fetches world-atlas with npm
    .venv/bin/python scripts/make_world_map.py --from DIR  # a world-atlas package already unpacked

Source: Natural Earth's admin-0 countries (public domain) as TopoJSON in npm's ``world-atlas``
package, version WORLD_ATLAS_VERSION, fetched with ``npm pack`` (its integrity is recorded in the
output). Countries are drawn from the 1:110m file; States that it leaves out because they vanish
at world scale (the Holy See, San Marino, most Pacific and Caribbean island States) are placed
as dots at the centre of their largest island in the 1:50m file. Points are projected with Equal
Earth (equal-area; ``treatydesk/core/pictures/projection.py``), scaled to WIDTH units, rounded to
whole units and written as relative SVG path data, so the map is drawn by joining strings.

The Natural Earth ids are ISO 3166-1 numeric codes, mapped to ISO3 with pycountry. Two areas
that Natural Earth draws apart and no depositary lists as States are drawn as part of the State
the United Nations counts them in (northern Cyprus, Somaliland); Antarctica is left out; other
areas that are not States (Greenland, Western Sahara, Taiwan, Puerto Rico, Kosovo…) are drawn
in a neutral colour, named, with no status.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from treatydesk.core.pictures.projection import X_MAX, equal_earth  # noqa: E402

WORLD_ATLAS_VERSION = "2.0.2"
OUTPUT = ROOT / "treatydesk" / "core" / "pictures" / "world.json"
WIDTH = 2000
LEFT_OUT = {"010"}  # Antarctica
MERGED = {"N. Cyprus": "CYP", "Somaliland": "SOM"}
NO_ID = {"Kosovo": "XKX"}
#: Areas Natural Earth draws that are not States able to join a treaty (ISO3).
NOT_STATES = {
    "ATF", "FLK", "GRL", "NCL", "PRI", "ESH", "TWN", "XKX", "GUM", "ASM", "MNP", "VIR", "VGB",
    "SGS", "IOT", "SHN", "PCN", "AIA", "CYM", "BMU", "TCA", "MSR", "JEY", "GGY", "IMN", "ABW",
    "CUW", "SXM", "MAF", "BLM", "SPM", "WLF", "PYF", "ALA", "FRO", "MAC", "HKG", "HMD", "NFK",
}
#: States that neither file draws, placed by longitude and latitude (their capital).
EXTRA_DOTS = {"TUV": (179.19, -8.52)}
#: Points closer than this to the simplified outline are dropped (units of WIDTH; 0.4 px at 1000).
TOLERANCE = 0.8
#: A State whose land at 1:110m covers less than this many square units also gets a dot.
SMALL_AREA = 40.0


def fetch(workdir: Path) -> tuple[Path, str]:
    """Fetch world-atlas with npm into workdir; return the package folder and its integrity."""
    # npm from PATH with fixed arguments: nothing here comes from outside the script.
    out = subprocess.run(  # noqa: S603
        ["npm", "pack",  # noqa: S607
         f"world-atlas@{WORLD_ATLAS_VERSION}", "--json", "--silent"],
        cwd=workdir, check=True, capture_output=True, text=True,
    ).stdout
    info = json.loads(out)[0]
    with tarfile.open(workdir / info["filename"]) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package", info.get("integrity", "")


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Return each arc as (longitude, latitude) points (quantized, delta-encoded in the file)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict, arcs) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        found = [[ring_points(r, arcs) for r in geometry["arcs"]]]
    elif geometry["type"] == "MultiPolygon":
        found = [[ring_points(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    else:
        return []
    cut = []
    for polygon in found:
        cut.extend(cut_at_antimeridian(polygon))
    return cut


def unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Return the ring with longitudes made continuous (past 180° rather than jumping back)."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        out.append((lon, lat))
    return out


def clip(ring, keep) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of ``ring`` where keep(lon) holds, cut at 180° or -180°."""
    out = []
    for (a, b) in zip(ring, ring[1:] + ring[:1], strict=True):
        inside_a, inside_b = keep(a[0]), keep(b[0])
        if inside_a:
            out.append(a)
        if inside_a != inside_b:
            edge = 180.0 if a[0] + b[0] > 0 else -180.0
            t = (edge - a[0]) / (b[0] - a[0])
            out.append((edge, a[1] + t * (b[1] - a[1])))
    return out


def cut_at_antimeridian(polygon):
    """Return the polygon as one or two, cut where it crosses the 180th meridian.

    world-atlas keeps spherical rings whole (d3 cuts them when it draws); a flat map must cut
    them itself, or Fiji and Chukotka would stretch across the whole map.
    """
    rings = [unwrap(ring) for ring in polygon]
    if all(-180 <= lon <= 180 for ring in rings for lon, _ in ring):
        return [polygon]
    pieces = []
    for shift, keep in ((0, lambda lon: -180 <= lon <= 180),
                        (-360, lambda lon: lon >= 180), (360, lambda lon: lon <= -180)):
        part = [clip(ring, keep) for ring in rings]
        part = [[(lon + shift, lat) for lon, lat in ring] for ring in part if len(ring) >= 3]
        if part and len(part[0]) >= 3:
            pieces.append(part)
    return pieces


def iso3_of(geometry: dict) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if name in MERGED:
        return MERGED[name]
    if name in NO_ID:
        return NO_ID[name]
    numeric = geometry.get("id")
    if numeric is None or numeric in LEFT_OUT:
        return None
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_3 if country else None


def project(point, scale: float) -> tuple[float, float]:
    x, y = equal_earth(*point)
    return (x + X_MAX) * scale, -y * scale


def area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1],
                                                                    strict=True))) / 2


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Return rings of whole-unit points as compact relative path data ("M3 4l1-2 5 0z")."""
    parts = []
    for ring in rings:
        (px, py), numbers = ring[0], []
        for x, y in ring[1:]:
            numbers += (x - px, y - py)
            px, py = x, y
        text = "".join(f"{n}" if n < 0 or not i else f" {n}" for i, n in enumerate(numbers))
        parts.append(f"M{ring[0][0]} {ring[0][1]}l{text}z")
    return "".join(parts)


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker: drop the points closer than ``tolerance`` units to the line kept.

    A closed ring (first point = last) is cut at its point farthest from the first, and each
    half simplified, since a line from a point to itself has no direction to measure from.
    """
    if len(points) < 4:
        return points
    if points[0] == points[-1]:
        x0, y0 = points[0]
        far = max(range(len(points)), key=lambda i: math.hypot(points[i][0] - x0,
                                                               points[i][1] - y0))
        if 0 < far < len(points) - 1:
            return simplify(points[:far + 1], tolerance)[:-1] + simplify(points[far:], tolerance)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy) or 1e-12
        worst, index = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            distance = abs(dy * (x - x0) - dx * (y - y0)) / length
            if distance > worst:
                worst, index = distance, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def rounded(ring, scale, shift_y) -> list[tuple[int, int]]:
    points: list[tuple[int, int]] = []
    for x, y in simplify([project(point, scale) for point in ring], TOLERANCE):
        whole = (round(x), round(y - shift_y))
        if not points or whole != points[-1]:
            points.append(whole)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def build(package: Path, integrity: str) -> dict:
    scale = WIDTH / (2 * X_MAX)
    coarse = json.loads((package / "countries-110m.json").read_text())
    fine = json.loads((package / "countries-50m.json").read_text())
    arcs = decode_arcs(coarse)
    shapes: dict[str, list] = {}
    for geometry in coarse["objects"]["countries"]["geometries"]:
        iso3 = iso3_of(geometry)
        if iso3 is not None:
            shapes.setdefault(iso3, []).extend(polygons(geometry, arcs))
    top = min(project(p, scale)[1] for polys in shapes.values() for poly in polys for p in poly[0])
    bottom = max(project(p, scale)[1] for polys in shapes.values() for poly in polys
                 for p in poly[0])
    states, others, dots = {}, {}, {}
    for iso3, polys in sorted(shapes.items()):
        rings = [rounded(ring, scale, top) for poly in polys for ring in poly]
        rings = [ring for ring in rings if len(ring) >= 3]
        (others if iso3 in NOT_STATES else states)[iso3] = path_data(rings)
        land = sum(area(rounded(poly[0], scale, top)) for poly in polys)
        if iso3 not in NOT_STATES and land < SMALL_AREA:
            dots[iso3] = centre(polys, scale, top)
    fine_arcs = decode_arcs(fine)
    for geometry in fine["objects"]["countries"]["geometries"]:
        iso3 = iso3_of(geometry)
        if iso3 is None or iso3 in shapes or iso3 in NOT_STATES:
            continue
        dots[iso3] = centre(polygons(geometry, fine_arcs), scale, top)
    for iso3, point in EXTRA_DOTS.items():
        x, y = project(point, scale)
        dots[iso3] = [round(x), round(y - top)]
    return {
        "source": {
            "data": "Natural Earth admin-0 countries, 1:110m (shapes) and 1:50m (dots); public "
                    "domain",
            "package": f"world-atlas@{WORLD_ATLAS_VERSION}",
            "registry": "npm",
            "integrity": integrity,
            "made_by": "scripts/make_world_map.py",
        },
        "projection": "Equal Earth",
        "width": WIDTH,
        "height": math.ceil(bottom - top),
        "states": states,
        "others": others,
        "dots": dict(sorted(dots.items())),
    }


def centre(polys, scale, top) -> list[int]:
    """Return the centre of the bounding box of the largest polygon's outer ring."""
    ring = max((poly[0] for poly in polys), key=lambda r: area([project(p, scale) for p in r]))
    xs, ys = zip(*(project(p, scale) for p in ring), strict=True)
    return [round((min(xs) + max(xs)) / 2), round((min(ys) + max(ys)) / 2 - top)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path,
                        help="an unpacked world-atlas package (default: fetch it with npm)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.source:
            package, integrity = args.source, ""
        else:
            package, integrity = fetch(Path(tmp))
        data = build(package, integrity)
    OUTPUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(data['states'])} States drawn, "
          f"{len(data['dots'])} dots, {len(data['others'])} other areas, "
          f"{OUTPUT.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
