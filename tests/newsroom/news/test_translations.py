"""Every interface string is translated into French and Spanish, and the compiled catalogues
match their sources. Regenerate with the commands in docs/newsroom.md ("Translations")."""

import shutil
import subprocess
import sys

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from tests.paths import PACKAGE

LANGUAGES = ("fr", "es")


def strings(catalog) -> dict:
    """Return {msgid: msgstr} with plural forms as tuples, however the reader gave them."""
    def key(value):
        return tuple(value) if isinstance(value, list | tuple) else value
    return {key(message.id): key(message.string) for message in catalog if message.id}


def catalogue(lang: str, suffix: str):
    path = PACKAGE / "locale" / lang / "LC_MESSAGES" / f"django.{suffix}"
    with path.open("rb") as handle:
        return read_po(handle, locale=lang) if suffix == "po" else read_mo(handle)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated(lang):
    untranslated = [
        message.id for message in catalogue(lang, "po")
        if message.id and (not message.string or "fuzzy" in message.flags
                           or (isinstance(message.string, tuple) and not all(message.string)))
    ]
    assert not untranslated, f"{len(untranslated)} strings without {lang} translation: " \
                             f"{untranslated[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(lang):
    assert strings(catalogue(lang, "po")) == strings(catalogue(lang, "mo")), \
        "django.mo is stale: run django-admin compilemessages"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_no_interface_string_is_missing_from_the_catalogues(tmp_path):
    """Run makemessages on a copy of the package and compare the strings it finds."""
    copy = tmp_path / "treatydesk"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo",
                                                                  "data", "static"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "fr", "--no-obsolete",
         "--no-location", "--settings=treatydesk.settings.test"],
        cwd=copy, check=True, capture_output=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PACKAGE.parent)},
    )
    with (copy / "locale" / "fr" / "LC_MESSAGES" / "django.po").open("rb") as handle:
        found = {message.id for message in read_po(handle) if message.id}
    known = {message.id for message in catalogue("fr", "po") if message.id}
    missing = sorted(str(m) for m in found - known)
    assert not missing, f"strings not in the catalogues: {missing[:10]}"
