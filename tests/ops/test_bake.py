"""``treatydesk bake``: the public site as files a static server can serve, links intact."""

import io
import json

import pytest

from treatydesk.cli import main
from treatydesk.ops.bake import links_in, output_path

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "ccm.example"]


@pytest.fixture
def article(site_content):
    """A published article with a photo whose files are under the test's MEDIA_ROOT."""
    from django.core.files.images import ImageFile

    from tests.newsroom_fixtures import png_bytes
    from treatydesk.media.models import CustomImage
    from treatydesk.media.renditions import make_renditions
    from treatydesk.newsroom.news.models import NewsIndexPage, NewsPage

    photo = CustomImage(title="Bake photo", description="A blue rectangle", credit="Test")
    photo.file = ImageFile(io.BytesIO(png_bytes((1600, 1000))), name="bake-photo.png")
    photo._set_image_file_metadata()
    photo.save()
    make_renditions(photo)
    index = NewsIndexPage.objects.get(locale__language_code="en")
    page = NewsPage(title="Baked article", slug="baked-article", lead="A lead.",
                    body="<p>Body.</p>", hero_image=photo)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_bake_writes_every_language_the_register_feeds_and_downloads(article, tmp_path, capsys,
                                                                     client):
    out = tmp_path / "site"
    out.mkdir()
    (out / "stale.html").write_text("a file of the previous bake")
    assert main(["bake", str(out), "--base-url", "https://ccm.example"]) == 0
    assert "Baked" in capsys.readouterr().out
    assert not (out / "stale.html").exists(), "the new bake replaces the previous one"
    assert not list(tmp_path.glob(".site.*")), "no half-built folder is left beside it"
    for lang in ("en", "fr", "es"):
        assert (out / lang / "index.html").exists()
        assert (out / lang / "states-parties" / "index.html").exists()
        assert (out / lang / "states" / "IRQ" / "index.html").exists()
        assert (out / lang / "news" / "feed.atom").exists()
        assert (out / lang / "news" / "feed.rss").exists()
    assert "Iraq" in (out / "en" / "states-parties.csv").read_text()
    data = json.loads((out / "en" / "states-parties.json").read_text())
    assert data["treaty"] == "CCM" and len(data["participants"]) > 100
    assert "https://ccm.example/en/news/" in (out / "en" / "news" / "feed.atom").read_text()
    assert 'url=/en/' in (out / "index.html").read_text(), "the root sends readers to /en/"
    assert (out / "404.html").exists()
    assert (out / "robots.txt").exists() and (out / "sitemap.xml").exists()
    assert list((out / "static").rglob("site*.css"))
    assert not (out / "admin").exists() and not list((out / "static").glob("wagtailadmin*"))
    article_html = (out / "en" / "news" / "baked-article" / "index.html").read_text()
    renditions = [link for link in links_in(article_html.encode(), "text/html",
                                            "https://ccm.example", "/en/news/baked-article/")
                  if link.startswith("/media/images/bake-photo")]
    assert renditions, "the article's photo is baked with its renditions"
    for link in renditions:
        assert output_path(out, link).exists(), link
    check_links(out, client)


def check_links(out, client):
    """Fail if a link of a baked page, which the site answers, leads to no baked file."""
    missing = set()
    for page in out.rglob("*.html"):
        here = "/" + page.relative_to(out).as_posix().removesuffix("index.html")
        for link in links_in(page.read_bytes(), "text/html", "https://ccm.example", here):
            if "/search/" not in link and not output_path(out, link).exists():
                missing.add(link)
    # A link the application cannot answer either is the page's problem, not the bake's.
    served = {link for link in missing if client.get(link, HTTP_HOST="ccm.example",
                                                     secure=True).status_code < 400}
    assert not served, sorted(served)[:20]


def test_a_host_the_site_does_not_answer_to_is_refused(article, tmp_path, capsys):
    assert main(["bake", str(tmp_path / "site"), "--base-url", "https://elsewhere.example"]) == 1
    assert "ALLOWED_HOSTS" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
