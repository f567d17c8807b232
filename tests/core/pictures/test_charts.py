"""Charts and the timeline: the numbers land where the scales put them, text is escaped."""

import datetime as dt
import re

from treatydesk.core import pictures
from treatydesk.core.pictures.charts import Frame, nice_max


def test_nice_max_rounds_up_to_one_two_or_five():
    assert [nice_max(v) for v in (0, 1, 3, 7, 11, 24, 111, 164)] == [1, 1, 5, 10, 20, 25, 200,
                                                                       200]


def test_line_chart_places_points_on_the_frame():
    xs = [2010, 2011, 2012]
    svg = pictures.line_chart(xs, [pictures.Series("A < B", [0, 5, 10], "#000")],
                              pictures.Words("T", "D"),
                              marks=[pictures.Mark(2011.5, "EIF", "Entry & force")])
    frame = Frame(xs, 10)
    points = re.search(r'<polyline points="([^"]+)"', svg)[1].split()
    assert points[0] == f"{frame.left},{frame.bottom}"
    assert points[2].split(",")[1] == str(frame.top)
    assert "A &lt; B" in svg and "<title>Entry &amp; force</title>" in svg


def test_stacked_bars_stack_to_the_total():
    svg = pictures.stacked_bars([2010, 2011], [pictures.Series("R", [2, 0], "#111"),
                                               pictures.Series("A", [3, 1], "#222")],
                                pictures.Words("T", "D"))
    assert len(re.findall(r"<rect [^>]*><title>", svg)) == 3  # a zero is not drawn
    assert "<title>2010: A 3</title>" in svg


def test_timeline_rows_follow_the_dates():
    events = [pictures.Event(dt.date(2013, 11, 1), "Entry into force", "1 Nov 2013", "computed"),
              pictures.Event(dt.date(2013, 5, 14), "Ratification", "14 May 2013")]
    svg = pictures.timeline(events, "Iraq", "D")
    texts = re.findall(r"<text [^>]*>([^<]*—[^<]*)</text>", svg)
    assert texts == ["14 May 2013 — Ratification", "1 Nov 2013 — Entry into force"]
