"""The new page types in a real browser, at 320 and 1280 px wide: a State that has not joined,
the States Parties list with its filters (with JavaScript), the institution's pages and the
documents library. axe-core finds no violation; the header and the Status column fit at 320 px
in every language."""

import pytest

from .conftest import AXE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "fr", "es")
PAGES = ("/states/USA/", "/states-parties/?region=150", "/about/",
         "/implementation-support-unit/", "/documents/")
WIDTHS = (320, 1280)
AXE_RUN = ("async () => { const r = await axe.run(document); return {passes: r.passes.length, "
           "violations: r.violations.map(v => ({id: v.id, impact: v.impact, "
           "nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))}; }")


@pytest.fixture
def site(site_content):
    """The fresh site holds the institution's pages: init makes them."""
    return site_content


def test_new_pages_are_accessible_and_fit_a_phone(browser, site):
    axe = AXE.read_text()
    problems, overflow = {}, {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for lang in LANGUAGES:
            for path in PAGES:
                url = f"/{lang}{path}"
                response = page.goto(site + url)
                assert response.status == 200, url
                page.evaluate(axe)
                result = page.evaluate(AXE_RUN)
                assert result["passes"] > 10
                if result["violations"]:
                    problems[f"{url} @{width}"] = result["violations"]
                header = page.evaluate(
                    "() => document.querySelector('.site-header').scrollWidth")
                if header > width:
                    overflow[f"{url} @{width}"] = header
            if width == 320:
                page.goto(f"{site}/{lang}/states-parties/")
                status = page.locator("table.states-table thead th").last
                box = status.bounding_box()
                assert status.is_visible() and box["x"] + box["width"] <= 320 + 1, lang
        context.close()
    assert not problems, problems
    assert not overflow, overflow


def test_the_list_filters_with_javascript(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{site}/en/states-parties/")
    rows = page.locator("table.states-table tbody tr")
    total = rows.count()
    page.fill("#filter-q", "lithu")
    visible = page.locator("table.states-table tbody tr:not([hidden])")
    assert visible.count() == 1
    assert "Lithuania" in visible.first.inner_text()
    page.fill("#filter-q", "")
    assert page.locator("table.states-table tbody tr:not([hidden])").count() == total
    # A change of status sends the form: the server lists the States outside.
    with page.expect_navigation():
        page.select_option("#filter-status", "none")
    assert "status=none" in page.url
    assert page.locator("th[scope=row] a", has_text="United States of America").count() == 1
    context.close()
