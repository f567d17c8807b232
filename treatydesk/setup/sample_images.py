"""Illustrations for the default content, drawn with Pillow when ``treatydesk init`` runs.

Abstract compositions in the site's colours (no photograph of real people or places is
invented); each comes with a description for its alt text, a caption and a credit.
"""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

# Shown under each as "Photo © Treaty Desk": Treaty Desk draws them.
CREDIT = "Treaty Desk"

PALETTES = {
    "dawn": [(11, 58, 93), (33, 102, 150), (241, 196, 120), (250, 236, 210)],
    "field": [(26, 77, 62), (72, 130, 92), (214, 200, 140), (244, 240, 226)],
    "hall": [(40, 44, 70), (90, 96, 140), (200, 170, 110), (236, 232, 224)],
    "signal": [(92, 28, 34), (164, 64, 52), (236, 170, 96), (248, 238, 226)],
    "harbour": [(16, 52, 72), (46, 118, 140), (170, 206, 214), (244, 246, 246)],
}


def illustration(seed: int, palette: str, size=(1600, 900)) -> bytes:
    """Return a JPEG: a sky-like gradient, hills and a band of circles, reproducible by seed."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    colours = PALETTES[palette]
    width, height = size
    image = Image.new("RGB", size, colours[3])
    draw = ImageDraw.Draw(image)
    top, bottom = colours[1], colours[3]
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)],
                  fill=tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3)))
    for layer, colour in enumerate((colours[2], colours[1], colours[0])):
        base = int(height * (0.55 + 0.14 * layer))
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base + rng.randint(-60, 60)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    for _ in range(rng.randint(5, 9)):
        radius = rng.randint(30, 110)
        x, y = rng.randint(0, width), rng.randint(40, height // 2)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius],
                     outline=colours[3], width=6)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()
