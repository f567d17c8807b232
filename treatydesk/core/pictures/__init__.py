"""Pictures of participation: the world map, the charts and a State's timeline, as SVG (no Django).

The numbers come from a computed ``Register`` (``figures``); the drawing is plain string
building (``worldmap``, ``charts``, ``timeline``) on geometry projected once by
``scripts/make_world_map.py``. See docs/register-api.md and docs/pictures.md.
"""

from .charts import Mark, Panel, Series, Words, line_chart, small_multiples, stacked_bars
from .figures import (
    TreatyCurve,
    YearCounts,
    cumulative,
    curves,
    first_year,
    instruments_by_year,
    map_statuses,
    parties_by_region,
    year_end,
)
from .palette import FILL, HATCHED, MAP_KEYS, SERIES
from .projection import equal_earth
from .regions import REGION_CODES, m49_regions, region_name
from .timeline import Event, timeline
from .worldmap import Geometry, MapText, map_document, map_shapes, world, world_map

__all__ = [
    "FILL",
    "HATCHED",
    "MAP_KEYS",
    "REGION_CODES",
    "SERIES",
    "Event",
    "Geometry",
    "MapText",
    "Mark",
    "Panel",
    "Series",
    "TreatyCurve",
    "Words",
    "YearCounts",
    "cumulative",
    "curves",
    "equal_earth",
    "first_year",
    "instruments_by_year",
    "line_chart",
    "m49_regions",
    "map_document",
    "map_shapes",
    "map_statuses",
    "parties_by_region",
    "region_name",
    "small_multiples",
    "stacked_bars",
    "timeline",
    "world",
    "world_map",
    "year_end",
]
