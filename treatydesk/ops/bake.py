"""``treatydesk bake OUTDIR``: the public site as static files, for a CDN or an object store.

Every page is rendered in-process by Django's test client (no server, no page cache), starting
from the home page, the register's pages and downloads in every language, every live public
Wagtail page, the news feeds, the sitemap and robots.txt, and following the links, images and
stylesheets they refer to. Each response is written where a static server looks for it
(``/en/news/`` → ``en/news/index.html``). Links with a query string (sorting, dates, search)
need the application and are not baked. The result is built beside OUTDIR and put in its
place at the end, so a reader of OUTDIR never sees half a site.
"""

from __future__ import annotations

import dataclasses
import logging
import posixpath
import re
import secrets
import shutil
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from treatydesk.newsroom.news.models import NewsCategory
from treatydesk.records.facts.loading import current_register

MAX_URLS = 50_000
SKIPPED_PREFIXES = ("/admin/", "/healthz")
# The search page answers queries; without the application it could answer none.
SKIPPED_RE = re.compile(r"^/[a-z]{2}(?:-[a-z]+)?/search/")
LINK_RE = re.compile(r"""(?:href|src)\s*=\s*["']([^"'#]+)""", re.I)
# <meta property="og:image" content="https://…">: only absolute addresses are links there.
META_RE = re.compile(r"""content\s*=\s*["']((?:https?://|/)[^"'#\s]+)["']""", re.I)
SRCSET_RE = re.compile(r"""srcset\s*=\s*["']([^"']+)""", re.I)
CSS_URL_RE = re.compile(r"""url\(\s*["']?([^"')#?]+)""", re.I)
ADMIN_STATIC_PREFIXES = ("admin", "wagtail")
TEXT_TYPES = ("text/html", "text/css", "application/xhtml+xml")

REDIRECT_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}"><title>Moved</title></head>
<body><p><a href="{target}">{target}</a></p></body></html>
"""


class BakeError(Exception):
    """The site could not be baked; the message says why."""


@dataclasses.dataclass
class BakeReport:
    pages: int = 0
    files: int = 0
    bytes: int = 0
    skipped: list = dataclasses.field(default_factory=list)


def output_path(root: Path, url_path: str) -> Path | None:
    """Return where the response for ``url_path`` is written under ``root``, or None."""
    path = unquote(url_path)
    if path.endswith("/"):
        path += "index.html"
    relative = posixpath.normpath(path.lstrip("/"))
    if relative.startswith("..") or relative in ("", "."):
        return None
    return root / relative


def seed_paths() -> list[str]:
    """Return the paths every bake starts from."""
    paths = ["/", "/robots.txt", "/sitemap.xml"]
    register = current_register(settings.TREATYDESK_TREATY)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [reverse("states_parties"), reverse("states_parties_csv"),
                      reverse("states_parties_json")]
            paths += [reverse("state_detail", kwargs={"iso3": record.state})
                      for record in register.participants()]
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        url = page.get_url()
        if url:
            paths.append(url)
            paths += _feeds_of(page, url)
    return paths


def _feeds_of(page, url: str) -> list[str]:
    """Return the feed paths of a news index (the newsroom's own URL scheme)."""
    if page._meta.label != "news.NewsIndexPage":
        return []

    feeds = [f"{url}feed.atom", f"{url}feed.rss"]
    for category in NewsCategory:
        feeds += [f"{url}category/{category.value}/feed.atom",
                  f"{url}category/{category.value}/feed.rss"]
    return feeds


def links_in(content: bytes, content_type: str, origin: str, here: str) -> list[str]:
    """Return the same-site paths a text response refers to (links, images, srcsets, CSS)."""
    text = content.decode("utf-8", "replace")
    found = []
    if content_type.startswith("text/css"):
        found = CSS_URL_RE.findall(text)
    else:
        found = LINK_RE.findall(text) + META_RE.findall(text)
        for srcset in SRCSET_RE.findall(text):
            found += [part.strip().split(" ")[0] for part in srcset.split(",") if part.strip()]
    paths = []
    for link in found:
        link = link.strip().replace("&amp;", "&")
        if link.startswith(origin + "/"):
            link = link[len(origin):]
        elif not link.startswith("/") or link.startswith("//"):
            if "://" in link or link.startswith(("mailto:", "data:", "tel:", "//", "?")):
                continue
            link = posixpath.normpath(posixpath.join(posixpath.dirname(here), link))
        split = urlsplit(link)
        if split.query or not split.path.startswith("/"):
            continue
        paths.append(split.path)
    return paths


def bake(outdir: Path, base_url: str | None = None) -> BakeReport:
    """Write the public site under ``outdir``; return what was written."""
    base_url = (base_url or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
                or "http://localhost").rstrip("/")
    split = urlsplit(base_url)
    if split.scheme not in ("http", "https") or not split.netloc:
        raise BakeError(f"--base-url {base_url!r} is not an http(s) address")
    origin = f"{split.scheme}://{split.netloc}"

    domain, _port = split_domain_port(split.netloc)
    if not validate_host(domain, settings.ALLOWED_HOSTS):
        raise BakeError(f"{split.netloc} is not in ALLOWED_HOSTS; bake with the site's own "
                        "address (--base-url) or add it there")
    client = Client(HTTP_HOST=split.netloc, raise_request_exception=True)
    secure = split.scheme == "https"

    outdir = Path(outdir).resolve()
    outdir.parent.mkdir(parents=True, exist_ok=True)
    building = outdir.with_name(f".{outdir.name}.baking-{secrets.token_hex(4)}")
    building.mkdir()
    report = BakeReport()
    try:
        # Every absolute URL the pages and feeds write starts with the baked site's address.
        with override_settings(WAGTAILADMIN_BASE_URL=base_url):
            _crawl(client, secure, origin, building, report)
            _copy_collected_static(building, report)
            _write_not_found(client, secure, building)
        _publish(building, outdir)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return report


def _crawl(client, secure: bool, origin: str, root: Path, report: BakeReport) -> None:
    queue = deque(seed_paths())
    seen = set(queue)
    while queue:
        path = queue.popleft()
        if path.startswith(SKIPPED_PREFIXES) or SKIPPED_RE.match(path):
            continue
        if len(seen) > MAX_URLS:
            raise BakeError(f"more than {MAX_URLS} addresses; is a page linking to endless ones?")
        response = client.get(path, secure=secure)
        target = output_path(root, path)
        if target is None:
            continue
        if response.status_code in (301, 302, 307, 308):
            location = response["Location"]
            if location.startswith(origin):
                location = location[len(origin):]
            if path.endswith("/") or path == "/":
                _write(target, REDIRECT_PAGE.format(target=location).encode(), report)
            elif not location.endswith("/"):  # a file's address leading to a file
                _write_redirected_file(client, secure, location, target, report)
            if location.startswith("/") and location not in seen:
                seen.add(location)
                queue.append(location)
            continue
        if response.status_code != 200:
            report.skipped.append((path, response.status_code))
            continue
        content = b"".join(response) if response.streaming else response.content
        _write(target, content, report)
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html"):
            report.pages += 1
        if content_type.startswith(TEXT_TYPES):
            for link in links_in(content, content_type, origin, path):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)


def _write(target: Path, content: bytes, report: BakeReport) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    report.files += 1
    report.bytes += len(content)


def _write_redirected_file(client, secure: bool, location: str, target: Path,
                           report: BakeReport) -> None:
    """Write at a file's address (``/emblem``, ``/favicon.ico``) the file it redirects to.

    A static host cannot redirect, so the baked site holds the file itself there.
    """
    if location.startswith(settings.STATIC_URL):
        from django.contrib.staticfiles import finders  # only a bake needs the finders

        found = finders.find(unquote(location[len(settings.STATIC_URL):]))
        if found:
            _write(target, Path(found).read_bytes(), report)
        return
    followed = client.get(location, secure=secure)
    if followed.status_code == 200:
        body = b"".join(followed.streaming_content) if followed.streaming else followed.content
        _write(target, body, report)


def _copy_collected_static(root: Path, report: BakeReport) -> None:
    """Copy the collected static files of the public site (scripts may load some later).

    The admin's files (Django's and Wagtail's) are left out: the baked site has no admin.
    """
    static_root = getattr(settings, "STATIC_ROOT", None)
    if not static_root or not Path(static_root).is_dir():
        return
    prefix = settings.STATIC_URL.strip("/")
    for source in Path(static_root).rglob("*"):
        top = source.relative_to(static_root).parts[0]
        if source.is_file() and not top.startswith(ADMIN_STATIC_PREFIXES):
            target = root / prefix / source.relative_to(static_root)
            if not target.exists():
                _write(target, source.read_bytes(), report)


def _write_not_found(client, secure: bool, root: Path) -> None:
    """Write ``404.html``, which CDNs and object stores show for unknown addresses."""
    code = settings.LANGUAGE_CODE
    request_log = logging.getLogger("django.request")
    level = request_log.level
    request_log.setLevel(logging.ERROR)  # this 404 is asked for, not worth a warning
    try:
        response = client.get(f"/{code}/{secrets.token_hex(8)}/", secure=secure)
    finally:
        request_log.setLevel(level)
    if response.status_code == 404:
        (root / "404.html").write_bytes(response.content)


def _publish(building: Path, outdir: Path) -> None:
    """Put the finished site at ``outdir`` with two renames, removing the previous bake."""
    old = outdir.with_name(f".{outdir.name}.old-{secrets.token_hex(4)}")
    if outdir.exists():
        outdir.rename(old)
    building.rename(outdir)
    shutil.rmtree(old, ignore_errors=True)
