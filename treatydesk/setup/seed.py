"""Read the default content of ``treatydesk init`` from ``content/``, checking it as it is read.

Each item is a folder of Markdown files with YAML front matter, one file per language
(``en.md``, ``fr.md``, ``es.md``). ``content/README.md`` tells an editor what goes where; a file
that breaks its rules stops init with a ``ContentError`` naming the file and the field.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from markdown_it import MarkdownIt

from treatydesk.media.models import validate_symbol
from treatydesk.newsroom.meetings.models import MeetingKind
from treatydesk.newsroom.news.models import NewsCategory
from treatydesk.setup.sample_images import PALETTES

CONTENT_DIR = Path(__file__).with_name("content")
SOURCE_LANGUAGE = "en"
# The index pages the newsroom makes (newsroom.SECTION_PAGES gives each its page type).
SECTIONS = ("news", "notices", "meetings")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ContentError(ValueError):
    """A content file that init cannot use; the message names the file and the field."""

    def __init__(self, path: Path, problem: str, field: str | None = None):
        where = f"{path}: field “{field}”" if field else str(path)
        super().__init__(f"{where}: {problem}")
        self.path, self.field = path, field


class _Invalid(ValueError):
    """A value that does not fit its field; the loader adds the file and the field."""


def _text(value):
    if not isinstance(value, str) or not value.strip():
        raise _Invalid("write some text here")
    return value


def _slug(value):
    if not isinstance(value, str) or not SLUG.fullmatch(value):
        raise _Invalid(f"{value!r} cannot be a page's address: write it in lowercase letters, "
                       "digits and hyphens")
    return value


def _date(value):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _Invalid(f"expected a date written YYYY-MM-DD, got {value!r}") from None


def _texts(value):
    if not isinstance(value, list):
        raise _Invalid("expected a list, one “- ” line per entry")
    return [_text(entry) for entry in value]


def _choice(choices) -> Callable:
    def check(value):
        if value not in choices.values:
            raise _Invalid(f"{value!r} is not one of: {', '.join(choices.values)}")
        return value
    return check


def _image(value):
    if not isinstance(value, dict) or set(value) != {"seed", "palette"}:
        raise _Invalid("expected “seed:” (a whole number) and “palette:” on indented lines")
    if not isinstance(value["seed"], int) or isinstance(value["seed"], bool):
        raise _Invalid(f"the seed must be a whole number, got {value['seed']!r}")
    if value["palette"] not in PALETTES:
        raise _Invalid(f"the palette must be one of: {', '.join(PALETTES)}")
    return value


def _symbol(value):
    try:
        validate_symbol(f"{_text(value)}/1")  # the sample agenda's symbol
    except ValidationError as error:
        raise _Invalid(" ".join(error.messages)) from None
    return value


@dataclass(frozen=True)
class Kind:
    """The fields of one kind of item: facts (en.md only) and words (every language's file)."""

    facts: dict[str, Callable]
    words: dict[str, Callable]
    optional: frozenset = frozenset()
    # Whether the Markdown below the front matter is the page's body; if not, it must be empty.
    body: bool = False


NEWS = Kind(
    facts={"date": _date, "category": _choice(NewsCategory), "tags": _texts, "image": _image},
    words={"title": _text, "lead": _text, "alt": _text, "caption": _text},
    optional=frozenset({"image", "alt", "caption"}), body=True)
MEETING = Kind(
    facts={"kind": _choice(MeetingKind), "start": _date, "end": _date, "symbol": _symbol},
    words={"title": _text, "place": _text, "presidency": _text, "summary": _text}, body=True)
SECTION = Kind(facts={}, words={"title": _text, "introduction": _text})
AGENDA = Kind(facts={}, words={"title": _text, "items": _texts, "note": _text})
# The institution's pages (About, Presidency, ISU, documents library): ``type`` picks the model.
INSTITUTION_TYPES = ("info", "library")
INSTITUTION = Kind(
    facts={"type": lambda value: value if value in INSTITUTION_TYPES else _bad_type(value),
           "order": lambda value: value if isinstance(value, int) else _bad_order(value)},
    words={"title": _text, "lead": _text}, body=True)
SECURITY_NOTICE = Kind(
    facts={"slug": _slug, "date": _date, "forged_subject": _text},
    words={"title": _text, "summary": _text}, body=True)


def _bad_type(value):
    raise _Invalid(f"{value!r} is not one of: {', '.join(INSTITUTION_TYPES)}")


def _bad_order(value):
    raise _Invalid(f"expected a whole number (the page's place in the menu), got {value!r}")


@dataclass(frozen=True)
class Item:
    """One item: its folder, its facts and, by language, its words (``body`` as HTML)."""

    folder: Path
    facts: dict
    words: dict[str, dict]

    @property
    def name(self) -> str:
        """The folder's name: the slug of the item's pages."""
        return self.folder.name

    def text(self, code: str) -> dict:
        """The words in ``code``, or in English where there is no file for that language."""
        return self.words.get(code) or self.words[SOURCE_LANGUAGE]


@dataclass(frozen=True)
class Seed:
    """The whole default content, checked."""

    sections: dict[str, Item]
    news: list[Item]
    meetings: list[Item]
    agenda: Item
    security_notice: Item
    institution: list[Item]


def load_seed(root: Path | None = None) -> Seed:
    """Read and check every content file under ``root`` (``CONTENT_DIR``); raise
    ``ContentError`` at the first that is wrong."""
    root = root or CONTENT_DIR
    sections = {item.name: item for item in _collection(root / "sections", SECTION)}
    for name in SECTIONS:
        if name not in sections:
            raise ContentError(root / "sections" / name, "missing: this section needs a folder")
    for name in sections:
        if name not in SECTIONS:
            raise ContentError(root / "sections" / name,
                               f"not a section of the site (those are {', '.join(SECTIONS)})")
    news = _collection(root / "news", NEWS)
    for item in news:
        _check_illustration(item)
    meetings = _collection(root / "meetings", MEETING)
    for item in meetings:
        if item.facts["end"] < item.facts["start"]:
            raise ContentError(_source(item), "the last day is before the first", "end")
    return Seed(
        sections={name: sections[name] for name in SECTIONS},
        news=sorted(news, key=lambda item: (item.facts["date"], item.name)),
        meetings=sorted(meetings, key=lambda item: (item.facts["start"], item.name)),
        agenda=load_item(root / "agenda", AGENDA),
        security_notice=load_item(root / "security-notice", SECURITY_NOTICE),
        institution=sorted(_collection(root / "institution", INSTITUTION),
                           key=lambda item: (item.facts["order"], item.name)),
    )


def _collection(folder: Path, kind: Kind) -> list[Item]:
    if not folder.is_dir():
        raise ContentError(folder, "missing: this folder of content is needed")
    items = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if not path.is_dir():
            raise ContentError(path, "unexpected file: each item here is a folder")
        if not SLUG.fullmatch(path.name):
            raise ContentError(path, "the folder's name is its pages' address: write it in "
                                     "lowercase letters, digits and hyphens")
        items.append(load_item(path, kind))
    return items


def load_item(folder: Path, kind: Kind) -> Item:
    """Read the language files of one item; the English one is required."""
    languages = [code for code, _name in settings.LANGUAGES]
    if not (folder / f"{SOURCE_LANGUAGE}.md").is_file():
        raise ContentError(folder / f"{SOURCE_LANGUAGE}.md",
                           "missing: every item has its English file")
    for path in folder.iterdir():
        if path.name.startswith(".") or (path.suffix == ".md" and path.stem in languages):
            continue
        raise ContentError(path, "unexpected file: an item's files are named after the "
                                 f"site's languages ({', '.join(f'{c}.md' for c in languages)})")
    facts: dict = {}
    words: dict[str, dict] = {}
    for code in languages:
        path = folder / f"{code}.md"
        if not path.is_file():
            continue
        fields, body = _read(path)
        allowed = {**kind.words, **kind.facts} if code == SOURCE_LANGUAGE else kind.words
        for name in fields:
            if name in kind.facts and code != SOURCE_LANGUAGE:
                raise ContentError(path, f"belongs in {SOURCE_LANGUAGE}.md only: it is the same "
                                         "in every language", name)
            if name not in allowed:
                raise ContentError(path, f"unknown field; the fields here are "
                                         f"{', '.join(allowed)}", name)
        for name in allowed:
            if name not in fields:
                if name in kind.optional:
                    continue
                raise ContentError(path, "missing", name)
            try:
                value = allowed[name](fields[name])
            except _Invalid as error:
                raise ContentError(path, str(error), name) from None
            (facts if name in kind.facts else words.setdefault(code, {}))[name] = value
        if body.strip() and not kind.body:
            raise ContentError(path, "this kind of item has no body: put everything in the "
                                     "front matter")
        words.setdefault(code, {})["body"] = markdown_html(body)
    return Item(folder=folder, facts=facts, words=words)


def _read(path: Path) -> tuple[dict, str]:
    """Split a file into its front matter (a mapping) and its Markdown body."""
    # Not python-frontmatter: it quietly gives no fields for a front matter left unclosed or
    # not made of fields, where init must say what is wrong.
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(path, "the first line must be “---”, opening the front matter")
    try:
        end = next(n for n, line in enumerate(lines[1:], start=1) if line.rstrip() == "---")
    except StopIteration:
        raise ContentError(path, "no “---” line closes the front matter") from None
    try:
        fields = yaml.safe_load("".join(lines[1:end]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(path, f"{line}the front matter is not valid YAML ({problem})") from None
    if not isinstance(fields, dict):
        raise ContentError(path, "the front matter must be “field: value” lines")
    return fields, "".join(lines[end + 1:])


def _check_illustration(item: Item) -> None:
    """An illustrated item describes its image in every language; one without has no alt."""
    for code, words in item.words.items():
        path = item.folder / f"{code}.md"
        if "image" in item.facts and "alt" not in words:
            raise ContentError(path, "missing: describe the illustration for readers who cannot "
                                     "see it", "alt")
        for name in ("alt", "caption"):
            if name in words and "image" not in item.facts:
                raise ContentError(path, f"this item has no image (add “image:” to "
                                         f"{SOURCE_LANGUAGE}.md or remove “{name}:”)", name)


def _source(item: Item) -> Path:
    return item.folder / f"{SOURCE_LANGUAGE}.md"


_MARKDOWN = MarkdownIt("commonmark", {"html": False})
# A line break in the source is a space, as it reads; the stored HTML has no line breaks
# between its blocks, as Wagtail's own rich text editor writes it.
_MARKDOWN.add_render_rule("softbreak", lambda *args: " ")


def markdown_html(text: str) -> str:
    """Return the HTML of Markdown ``text``, blocks joined without line breaks."""
    # With raw HTML off, every "<" and ">" of the text is escaped: ">\n<" is between tags.
    return _MARKDOWN.render(text).replace(">\n<", "><").strip()
