"""Equal Earth: the formula's fixed points, and the equal-area property the map relies on."""

import math

import pytest

from treatydesk.core.pictures.projection import X_MAX, Y_MAX, equal_earth


def test_centre_and_edges():
    assert equal_earth(0, 0) == (0.0, 0.0)
    assert equal_earth(180, 0)[0] == pytest.approx(X_MAX)
    assert equal_earth(0, 90)[1] == pytest.approx(Y_MAX)
    x, y = equal_earth(-45, -30)
    assert (x, y) == pytest.approx(tuple(-v for v in equal_earth(45, 30)))


def cell_area(lon: float, lat: float, size: float = 0.01) -> float:
    """Return the projected area of a small lon/lat cell (a parallelogram's cross product)."""
    x0, y0 = equal_earth(lon, lat)
    x1, y1 = equal_earth(lon + size, lat)
    x2, y2 = equal_earth(lon, lat + size)
    return abs((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0))


@pytest.mark.parametrize("lat", [10, 35, 60, 80])
def test_areas_keep_their_proportion_on_the_sphere(lat):
    # On the sphere a cell's area is proportional to the cosine of its latitude.
    ratio = cell_area(20, lat) / cell_area(20, 0)
    assert ratio == pytest.approx(math.cos(math.radians(lat)), rel=1e-3)
