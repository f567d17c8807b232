"""The States Parties list in a real browser: its search filters the rows as one types, and a
change of status sends the form (the pages' accessibility and fit on a phone:
test_accessibility.py)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_list_filters_with_javascript(browser, site_content):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{site_content}/en/states-parties/")
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
