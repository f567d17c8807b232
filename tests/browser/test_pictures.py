"""The pictures in a real browser (axe-core on the map and charts pages: test_accessibility.py):
the PNG decodes as an image, the year slider swaps the map without a reload, and screenshots
of the home page at 1280 and 390 px are kept in test-artifacts/."""

import pytest

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_the_png_renders_in_the_browser(browser, site_content):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_content}/en/map/")
    size = page.evaluate(
        "() => new Promise((ok, fail) => { const img = new Image();"
        " img.onload = () => ok([img.naturalWidth, img.naturalHeight]);"
        " img.onerror = () => fail('the PNG did not decode');"
        " img.src = '/en/map.png?as_of=2013-11-01'; })")
    assert size[0] == 1200 and 450 < size[1] < 700
    context.close()


def test_the_slider_steps_through_the_years_without_reloading(browser, site_content):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_content}/en/map/?as_of=2013-11-01")
    slider = page.locator("#map-year-map")
    assert slider.is_visible()  # shown by the script; hidden without it
    page.evaluate("() => { window.notReloaded = true; }")
    iraq = page.locator('.map-svg [data-state="IRQ"]')
    assert iraq.get_attribute("data-status") == "party"
    slider.fill("2012")
    page.wait_for_function(
        "() => document.querySelector('.map-svg [data-state=\"IRQ\"]')"
        ".getAttribute('data-status') === 'signatory'")
    assert "31 December 2012" in page.locator("[data-map-caption]").inner_text()
    assert page.evaluate("() => window.notReloaded") is True
    context.close()


def test_without_javascript_the_years_are_links(browser, site_content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_content}/en/map/")
    assert not page.locator("#map-year-map").is_visible()
    page.get_by_role("link", name="2012", exact=True).click()
    assert page.url.endswith("/en/map/?as_of=2012-12-31")
    status = page.locator('.map-svg [data-state="IRQ"]').get_attribute("data-status")
    assert status == "signatory"
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_home_page_screenshots_show_the_map_and_the_chart(browser, site_content, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_content}/en/")
    # The map takes the column's width; the chart is held to a reading width (48rem).
    for selector, least in ((".pictures-map svg", width * 0.6),
                            ("#chart-cumulative-heading ~ figure svg", min(width * 0.6, 300))):
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["width"] > least, selector
        assert box["width"] <= width
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"home-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    context.close()
