"""Marker labels of a line chart: their boxes never intersect each other or the key, stay on
the picture, and are no narrower than the text set in DejaVu Sans."""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatydesk.core import pictures
from treatydesk.core.pictures.charts import MARK_FONT, TOP, WIDTH
from treatydesk.core.pictures.labels import Box, place, text_box, text_width

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
KEY = Box(0, 0, WIDTH, 30)  # the key's row: text on a baseline at 26, 15 units high
YEARS = list(range(2008, 2027))
LABEL = re.compile(r'<text class="mark-label" x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"'
                   r'[^>]*>([^<]*)</text>')
PLOT_TOP = re.compile(r'<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="[\d.]+" '
                      r'stroke="#[0-9A-Fa-f]+" stroke-width="1" stroke-dasharray="3 3"/>')


def chart(marks):
    series = [pictures.Series("States Parties", [i * 7 for i in range(len(YEARS))], "#000"),
              pictures.Series("Signed or bound", [i * 8 for i in range(len(YEARS))], "#111")]
    return pictures.line_chart(YEARS, series, pictures.Words("T", "D"), marks=marks)


def label_boxes(svg):
    return [text_box(float(x), float(y), text, int(size))
            for x, y, size, text in LABEL.findall(svg)]


def assert_apart(svg, count):
    boxes = label_boxes(svg)
    assert len(boxes) == count
    tops = [float(y) for y in PLOT_TOP.findall(svg)]  # where each marker's line starts
    for i, box in enumerate(boxes):
        assert not box.intersects(KEY), box
        assert 0 <= box.left and box.right <= WIDTH, box
        assert box.bottom <= min(tops), box  # above every marker line: none crosses a label
        for other in boxes[i + 1:]:
            assert not box.intersects(other), (box, other)


def test_entry_into_force_and_the_first_meeting_months_apart_do_not_overlap():
    # The Convention: entry into force 1 August 2010, the first Meeting in November 2010.
    marks = [pictures.Mark(2010.58, "EIF", "Entry into force"),
             pictures.Mark(2010.86, "MSP", "First Meeting of States Parties"),
             pictures.Mark(2013.7, "MSP", "Fourth Meeting"),
             pictures.Mark(2015.7, "RC", "First Review Conference")]
    svg = chart(marks)
    assert_apart(svg, 4)
    rows = sorted({float(y) for _x, y, _s, _t in LABEL.findall(svg)})
    assert len(rows) == 2  # the two close ones are stacked; the plot starts one row lower
    assert min(float(y) for y in PLOT_TOP.findall(svg)) == TOP + 17 - 8


def test_labels_far_apart_share_one_row_and_the_plot_keeps_its_top():
    marks = [pictures.Mark(2010.5, "EIF", "t"), pictures.Mark(2015.5, "RC", "t")]
    svg = chart(marks)
    assert_apart(svg, 2)
    assert len({y for _x, y, _s, _t in LABEL.findall(svg)}) == 1
    assert min(float(y) for y in PLOT_TOP.findall(svg)) == TOP - 8


def test_a_meeting_every_year_and_labels_at_the_edges_stay_apart_and_on_the_picture():
    marks = [pictures.Mark(2008.0, "EEV", "t"), pictures.Mark(2026.99, "MSP", "t")]
    marks += [pictures.Mark(year + 0.8, "MSP", "t") for year in range(2010, 2026)]
    assert_apart(chart(marks), len(marks))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.floats(2008, 2026.99), st.sampled_from(["EIF", "EV", "EEV", "MSP",
                                                                    "RC", "1MSP", "12MSP"])),
                max_size=12))
def test_any_marks_get_labels_that_do_not_overlap(found):
    assert_apart(chart([pictures.Mark(x, text, "t") for x, text in found]), len(found))


def test_placing_keeps_the_order_given():
    spots = place([300.0, 100.0, 102.0], ["MSP", "EIF", "MSP"], MARK_FONT, 0, WIDTH)
    assert [spot.x for spot in spots] == [300.0, 100.0, 102.0]
    assert [spot.row for spot in spots] == [0, 0, 1]


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed (fonts-dejavu)")
@pytest.mark.parametrize("text", ["EIF", "EEV", "EV", "MSP", "RC", "12MSP", "WWW", "mmm"])
def test_a_box_is_at_least_as_wide_as_the_text_in_dejavu_sans(text):
    from PIL import ImageFont  # only where the font is there to measure with

    font = ImageFont.truetype(str(DEJAVU), 120)
    assert text_width(text, 120) >= font.getlength(text)
