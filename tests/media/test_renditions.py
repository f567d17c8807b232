"""Every image size a public template asks for is made at upload (RENDITION_SPECS)."""

import itertools
import re

from tests.paths import PACKAGE
from treatydesk.media.renditions import RENDITION_SPECS

IMAGE_TAG = re.compile(r"{%\s*(image|srcset_image|picture)\s+\S+\s+(.*?)%}")
FILTER = re.compile(r"^[a-z]+-[\w{},.]+$")


def specs_in(template_text: str) -> set[str]:
    """Return the filter specs of the image tags in a template, braces expanded."""
    specs = set()
    for _tag, arguments in IMAGE_TAG.findall(template_text):
        filters = [part for part in arguments.split() if "=" not in part and FILTER.match(part)
                   and part != "as"]
        choices = []
        for part in filters:
            braces = re.fullmatch(r"([a-z]+-)\{([\d,]+)\}", part)
            choices.append([braces.group(1) + n for n in braces.group(2).split(",")]
                           if braces else [part])
        specs |= {"|".join(combination) for combination in itertools.product(*choices)}
    return specs


def test_the_brace_syntax_is_expanded():
    assert specs_in("{% srcset_image p.photo width-{480,800} format-webp alt=x %}") == {
        "width-480|format-webp", "width-800|format-webp"}


def test_every_template_image_size_is_made_at_upload():
    used = set()
    for template in PACKAGE.rglob("templates/**/*.html"):
        used |= specs_in(template.read_text(encoding="utf-8"))
    assert used, "no image tag found: the pattern no longer matches the templates"
    missing = used - set(RENDITION_SPECS)
    assert not missing, (
        f"templates use {sorted(missing)}: add them to RENDITION_SPECS in "
        "treatydesk/media/renditions.py so they are made at upload, not in a reader's request")
