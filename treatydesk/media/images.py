"""Photos are decoded in full and encoded again before they are kept.

Re-encoding keeps the pixels and drops everything else: bytes appended after the image (a
ZIP or a script riding along), comments, EXIF data with the camera's GPS position, and any
malformed structure aimed at a decoder. SVG is refused outright: it is a document that can
carry scripts, not a picture.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

# Pillow format → (the formats' own save options)
FORMATS = {
    "JPEG": {"quality": 90, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
    "GIF": {},
}
DEFAULT_MAX_PIXELS = 60_000_000


def looks_like_svg(data: bytes) -> bool:
    """Return whether ``data`` is XML or SVG rather than a raster image."""
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head


def refuse_svg(data: bytes) -> None:
    if looks_like_svg(data):
        raise ValidationError(
            _("SVG files are not accepted: they can carry scripts. Export the picture as PNG "
              "or JPEG and upload that."), code="svg_refused")


def reencode(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> bytes:
    """Return ``data`` decoded and encoded again in the same format, without metadata.

    Raise ``ValidationError`` for SVG, unknown or damaged files and images over ``max_pixels``
    (counting every frame of an animation).
    """
    refuse_svg(data)
    try:
        image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not an image we accept (JPEG, PNG, GIF or WebP)."),
                              code="not_an_image") from None
    if image.format not in FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted; upload JPEG, PNG, GIF or WebP.")
            % {"format": image.format}, code="format_refused")
    frames = getattr(image, "n_frames", 1)
    if image.width * image.height * frames > max_pixels:
        raise ValidationError(
            _("This image has too many pixels (%(pixels)s); the limit is %(limit)s. Reduce it "
              "and upload it again.")
            % {"pixels": image.width * image.height * frames, "limit": max_pixels},
            code="too_many_pixels")
    try:
        return _encode(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("This image is damaged and cannot be read. Export it again and "
                                "upload the new file."), code="damaged_image") from None


#: What survives of the decoder's ``info``: how to draw the picture, nothing about it. Pillow
#: writes some ``info`` entries back when it saves (a JPEG's COM comment, XMP, a GIF's comment),
#: so everything else is dropped before saving.
KEEP_INFO = ("transparency", "duration", "loop", "background", "dpi")


def _clean(image: Image.Image) -> Image.Image:
    image.info = {key: image.info[key] for key in KEEP_INFO if key in image.info}
    return image


def _encode(image: Image.Image) -> bytes:
    format_name = image.format
    options = dict(FORMATS[format_name])
    icc = image.info.get("icc_profile")
    if icc:
        options["icc_profile"] = icc  # the colour profile is kept: the colours depend on it
    out = io.BytesIO()
    if getattr(image, "n_frames", 1) > 1 and format_name in ("GIF", "WEBP"):
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
        for frame in frames:
            frame.load()
            _clean(frame)
        options.update(save_all=True, append_images=frames[1:],
                       duration=image.info.get("duration", 100), loop=image.info.get("loop", 0))
        frames[0].save(out, format_name, **options)
        return out.getvalue()
    image.load()  # the whole picture is decoded here, not just its header
    image = ImageOps.exif_transpose(image)  # keep the orientation the EXIF data gave
    image = _clean(image.copy())  # then no EXIF, XMP or comment goes with it
    if format_name == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if format_name == "GIF" and "transparency" in image.info:
        options["transparency"] = image.info["transparency"]
    image.save(out, format_name, **options)
    return out.getvalue()
