"""The default content's files: every one is read and checked, and a wrong one is named with
its field."""

import pytest
from django.conf import settings

from tests.setup.conftest import edit
from treatydesk.setup.newsroom import SECTION_PAGES
from treatydesk.setup.seed import CONTENT_DIR, ContentError, load_seed, markdown_html

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def items(seed):
    return [*seed.sections.values(), *seed.news, *seed.meetings, seed.agenda,
            seed.security_notice, *seed.institution]


def test_every_shipped_file_is_read():
    seed = load_seed()
    read = {item.folder / f"{code}.md" for item in items(seed) for code in item.words}
    shipped = set(CONTENT_DIR.rglob("*.md")) - {CONTENT_DIR / "README.md"}
    assert read == shipped
    assert (len(seed.news), len(seed.meetings)) == (5, 3)


def test_the_shipped_content_is_in_every_language():
    for item in items(load_seed()):
        assert set(item.words) == LANGUAGES, item.folder


def test_every_section_has_a_page_type():
    assert list(load_seed().sections) == list(SECTION_PAGES)


def test_facts_and_words_are_read_as_written():
    seed = load_seed()
    vanuatu = next(item for item in seed.news if item.name == "vanuatu-accedes")
    assert str(vanuatu.facts["date"]) == "2025-09-05"
    assert vanuatu.facts["image"] == {"seed": 11, "palette": "harbour"}
    assert vanuatu.text("fr")["title"] == "Le Vanuatu rejoint la Convention"
    assert vanuatu.text("en")["body"].startswith(
        "<p>With this accession the number of Pacific Island States bound by the Convention "
        "grows again. The Presidency")
    assert "</p><h2>What accession means</h2><p>" in vanuatu.text("en")["body"]
    assert seed.agenda.text("es")["items"][0] == "1. Apertura oficial de la Reunión."
    assert seed.security_notice.facts["forged_subject"] == "Re: Important Confidential Document"


def test_markdown_becomes_html_without_line_breaks():
    html = markdown_html("One line\nand the next & <more>.\n\n## Heading\n\n- a\n- b\n")
    assert html == ("<p>One line and the next &amp; &lt;more&gt;.</p><h2>Heading</h2>"
                    "<ul><li>a</li><li>b</li></ul>")


def test_the_news_are_in_date_order():
    dates = [item.facts["date"] for item in load_seed().news]
    assert dates == sorted(dates)


BROKEN = [
    # (file, text there, replaced by, field named, words of the message)
    ("news/vanuatu-accedes/en.md", "date: 2025-09-05", "date: soon", "date",
     "expected a date written YYYY-MM-DD, got 'soon'"),
    ("news/vanuatu-accedes/fr.md", "title: Le Vanuatu rejoint la Convention\n", "", "title",
     "missing"),
    ("meetings/first-review-conference/es.md", "place:", "lugar:", "lugar", "unknown field"),
    ("news/south-sudan-accedes/fr.md", "---\n", "---\ndate: 2023-08-03\n", "date",
     "belongs in en.md only"),
    ("news/fifteen-years-in-force/en.md", "category: presidency", "category: sport", "category",
     "'sport' is not one of: presidency, universalization"),
    ("news/south-sudan-accedes/es.md",
     "alt: 'Ilustración en verdes y ocre: campos abiertos bajo un cielo amplio.'\n", "", "alt",
     "describe the illustration"),
    ("news/beware-of-false-emails/en.md", "title:", "alt: A picture\ntitle:", "alt",
     "this item has no image"),
    ("news/vanuatu-accedes/en.md", "image: {seed: 11, palette: harbour}",
     "image: {seed: 11, palette: neon}", "image", "the palette must be one of"),
    ("meetings/first-meeting-of-states-parties/en.md", "end: 2010-11-12", "end: 2010-11-01",
     "end", "the last day is before the first"),
    ("meetings/fourth-meeting-of-states-parties/en.md", "symbol: CCM/MSP/2013",
     "symbol: ccm msp 2013", "symbol", "is not a document symbol"),
    ("agenda/fr.md", "items:\n", "items: Ouverture\n", "items", "expected a list"),
    ("sections/news/es.md", "title: Noticias", "title: [Noticias", None,
     "the front matter is not valid YAML"),
    ("sections/news/es.md", "  reuniones.\n---\n", "  reuniones.\n---\n\nUn texto.\n", None,
     "this kind of item has no body"),
    ("security-notice/en.md", "slug: phishing-2013", "slug: Phishing 2013", "slug",
     "cannot be a page's address"),
    ("security-notice/fr.md", "---\n", "", None,
     "the first line must be “---”, opening the front matter"),
]


@pytest.mark.parametrize(("name", "old", "new", "field", "words"), BROKEN,
                         ids=[f"{case[0]}:{case[3] or case[4]}" for case in BROKEN])
def test_a_wrong_file_is_named_with_its_field(content, name, old, new, field, words):
    path = content / name
    edit(path, old, new)
    with pytest.raises(ContentError) as raised:
        load_seed(content)
    message = str(raised.value)
    assert (raised.value.path, raised.value.field) == (path, field)
    assert message.startswith(f"{path}: field “{field}”: " if field else f"{path}: ")
    assert words in message


def test_a_front_matter_that_is_not_fields_is_named(content):
    path = content / "sections" / "meetings" / "en.md"
    path.write_text("---\n- Meetings\n- Meetings of States Parties\n---\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_seed(content)
    assert str(raised.value) == f"{path}: the front matter must be “field: value” lines"


def test_a_wrong_file_name_is_named(content):
    (content / "agenda" / "de.md").write_text("---\ntitle: Tagesordnung\n---\n")
    with pytest.raises(ContentError, match=r"agenda/de\.md: unexpected file: an item's files "
                                           r"are named after the site's languages"):
        load_seed(content)


def test_a_folder_name_that_cannot_be_an_address_is_named(content):
    (content / "news" / "vanuatu-accedes").rename(content / "news" / "Vanuatu accedes")
    with pytest.raises(ContentError, match=r"news/Vanuatu accedes: the folder's name is its "
                                           r"pages' address"):
        load_seed(content)


def test_an_item_without_its_english_file_is_named(content):
    (content / "meetings" / "first-review-conference" / "en.md").unlink()
    with pytest.raises(ContentError, match=r"first-review-conference/en\.md: missing: every "
                                           r"item has its English file"):
        load_seed(content)


def test_a_section_the_site_does_not_have_is_named(content):
    (content / "sections" / "events").mkdir()
    (content / "sections" / "events" / "en.md").write_text(
        "---\ntitle: Events\nintroduction: Events.\n---\n")
    with pytest.raises(ContentError, match=r"sections/events: not a section of the site"):
        load_seed(content)


def test_an_unclosed_front_matter_is_named(content):
    path = content / "news" / "vanuatu-accedes" / "es.md"
    path.write_text(path.read_text(encoding="utf-8").replace("---\n\n", "\n", 1),
                    encoding="utf-8")
    with pytest.raises(ContentError, match=r"vanuatu-accedes/es\.md: no “---” line closes"):
        load_seed(content)


def test_a_translation_may_be_missing(content):
    (content / "news" / "vanuatu-accedes" / "es.md").unlink()
    vanuatu = next(item for item in load_seed(content).news if item.name == "vanuatu-accedes")
    assert vanuatu.text("es") == vanuatu.text("en")
