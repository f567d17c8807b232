"""The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): equal-area, for world maps.

An equal-area projection keeps each country's area in proportion, so a large country does not
look more "joined" than it is; Equal Earth does so with straight parallels and a familiar shape.
The map's geometry is projected once, by ``scripts/make_world_map.py``; this module is what it
uses, kept here so that the same formula places anything else on the map.
"""

from __future__ import annotations

import math

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2

#: Half the projected width and height of the whole world, in projection units.
X_MAX = 2 * math.sqrt(3) * math.pi / (3 * A1)
Y_MAX = A4 * (math.pi / 3) ** 9 + A3 * (math.pi / 3) ** 7 + A2 * (math.pi / 3) ** 3 + A1 * (
    math.pi / 3
)


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Return (x, y) of a point given in degrees; y grows northwards, both in radius units."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    slope = 9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * slope)
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y
