"""Recording an instrument in a real browser: saved as a draft, reviewed with its notices on one
page, published together; then the State's page and the notices' feed show both."""

import traceback
import urllib.request

import feedparser
import pytest

from .conftest import ARTIFACTS
from .test_newsroom import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CN = "C.N.120.2025.TREATIES-XXVI.6"


def record_draft(page, base):
    page.goto(f"{base}/admin/snippets/registry/fact/add/")
    assert page.locator("#id_treaty").input_value() == "CCM"
    assert page.locator("#id_draft").is_checked()  # a new fact is a draft unless unticked
    page.fill("#id_state", "Jamaica")
    page.select_option("#id_kind", "ratification")
    page.fill("#id_date", "2025-03-11")
    page.keyboard.press("Escape")  # close the date picker
    page.fill("#id_cn_reference", CN)
    page.fill("#id_source", "UNTC depositary notification")
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="Save").first.click()
    try:
        page.wait_for_url("**/review/", timeout=15000)
    except Exception:  # noqa: BLE001 - keep what the editor saw, then fail with it
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "record-draft-failed.png"), full_page=True)
        raise AssertionError(page.locator("main").inner_text()[:2000]) from None


def test_an_editor_records_an_instrument_and_publishes_it_with_its_notices(browser,
                                                                           site_content):
    base = site_content
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    before = browser.new_context(viewport={"width": 1280, "height": 900})
    after = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        check_recording(page, before.new_page(), after.new_page(), base)
    except Exception:  # keep what the editor saw, and why, before the live server stops
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "recording-failed.png"), full_page=True)
        (ARTIFACTS / "recording-failed.txt").write_text(traceback.format_exc())
        raise
    finally:
        for each in (context, before, after):
            each.close()


def check_recording(page, reader, later_reader, base):
    """``reader`` looks before publishing; ``later_reader``, who has no page cached for five
    minutes (``Cache-Control: max-age=300``), after."""
    from treatydesk.newsroom.notices.models import NoticePage
    from treatydesk.records.facts.models import Fact

    sign_in(page, base)
    record_draft(page, base)

    fact = Fact.including_drafts.get(treaty="CCM", state="JAM", kind="ratification")
    assert fact.is_draft
    notices = {n.locale.language_code: n for n in
               NoticePage.objects.filter(source__fact=fact).select_related("locale")}
    assert set(notices) == {"en", "fr", "es"}
    # One page: the fact, and its notices in every language, with a link to each.
    assert "3 notices are drafted from it" in page.locator(".messages").inner_text()
    assert page.locator("article.notice-review").count() == 3
    main = page.locator("main").inner_text()
    assert CN in main and "11 March 2025" in main
    for notice in notices.values():
        assert notice.text in main
    reader.goto(f"{base}/en/states/JAM/")
    assert "11 March 2025" not in reader.locator("main").inner_text()  # a draft is not public

    with page.expect_navigation():
        page.get_by_role("button", name="Publish fact and notices").click()
    message = page.locator(".messages")
    assert "Its 3 notices are published." in message.inner_text()
    english = NoticePage.objects.get(pk=notices["en"].pk)
    assert english.live
    assert message.locator(f'a[href="{english.url}"]').count() == 1  # the confirmation links it

    later_reader.goto(f"{base}/en/states/JAM/")
    assert "11 March 2025" in later_reader.locator("main").inner_text()
    later_reader.goto(f"{base}{english.url}")
    assert later_reader.locator("h1").inner_text() == english.title
    with urllib.request.urlopen(f"{base}/en/notices/feed.atom") as response:  # noqa: S310
        feed = feedparser.parse(response.read())
    assert not feed.bozo
    assert english.title in [entry.title for entry in feed.entries]
