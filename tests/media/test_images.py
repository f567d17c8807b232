"""Photos are decoded and encoded again: what rides along is dropped, SVG and bombs refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from tests.media.conftest import image_bytes
from treatydesk.media.images import reencode

ZIP_PAYLOAD = b"PK\x03\x04" + b"<script>alert(document.cookie)</script>" * 20


@pytest.mark.parametrize("format_name", ["PNG", "JPEG", "GIF", "WEBP"])
def test_bytes_appended_after_the_image_are_dropped(format_name):
    original = image_bytes(format_name) + ZIP_PAYLOAD
    clean = reencode(original)
    assert b"<script>" not in clean and b"PK\x03\x04" not in clean
    decoded = Image.open(io.BytesIO(clean))
    assert decoded.format == format_name and decoded.size == (120, 80)


def test_exif_data_with_the_cameras_position_is_dropped_and_orientation_kept():
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to display
    exif[0x8825] = {2: (48.0, 51.0, 24.0)}  # GPS latitude
    original = image_bytes("JPEG", size=(120, 80), exif=exif.tobytes())
    assert Image.open(io.BytesIO(original)).getexif()
    clean = Image.open(io.BytesIO(reencode(original)))
    assert not clean.getexif()
    assert clean.size == (80, 120), "the picture is turned as the EXIF data said"


def test_an_animated_gif_keeps_its_frames():
    frames = [Image.new("RGB", (20, 20), colour)
              for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=80, loop=0)
    assert Image.open(io.BytesIO(buffer.getvalue())).n_frames == 3
    clean = Image.open(io.BytesIO(reencode(buffer.getvalue() + ZIP_PAYLOAD)))
    assert clean.n_frames == 3


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
    b"\n  <!DOCTYPE svg><svg/>",
])
def test_svg_is_refused(svg):
    with pytest.raises(ValidationError) as refused:
        reencode(svg)
    assert refused.value.code == "svg_refused"


def test_an_image_over_the_pixel_limit_is_refused_before_it_is_decoded():
    with pytest.raises(ValidationError) as refused:
        reencode(image_bytes("PNG", size=(400, 300)), max_pixels=100_000)
    assert refused.value.code == "too_many_pixels"


def test_a_truncated_image_is_refused():
    data = image_bytes("JPEG", size=(600, 400))
    with pytest.raises(ValidationError) as refused:
        reencode(data[: len(data) // 3])
    assert refused.value.code in ("damaged_image", "not_an_image")


def test_other_formats_are_refused():
    with pytest.raises(ValidationError) as refused:
        reencode(image_bytes("BMP"))
    assert refused.value.code == "format_refused"
