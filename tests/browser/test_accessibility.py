"""Every public page type in a real browser, in every language, at 320 and 1280 px wide:
axe-core finds no violation; no page scrolls sideways, the header included, and the States
Parties list keeps its Status column on screen; the main navigation is one line at 1280 px;
no script or style is refused or fails, and no request goes to a third party. The admin page
an editor reviews and publishes a draft fact on is checked the same way, signed in.

One browser page does it all: each address is loaded once, checked at 320 px, then widened to
1280 px (CSS follows the viewport without a reload) and checked again.
"""

import time
from urllib.parse import urlsplit

import pytest

from .conftest import AXE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "fr", "es")
WIDTHS = (320, 1280)
# One page of each public page type; "{notice}" is a published notice of the language.
PAGES = (
    "/", "/news/", "/news/south-sudan-accedes/", "/notices/", "{notice}", "/meetings/",
    "/meetings/first-review-conference/", "/documents/", "/documents/?q=CCM",
    "/states-parties/", "/states/IRQ/", "/states/USA/",
    "/obligations/", "/map/?as_of=2013-11-01", "/charts/", "/data/", "/search/?q=Convention",
    "/subscribe/", "/verify-email/", "/phishing-2013/", "/about/", "/presidency/",
    "/implementation-support-unit/",
)
# Pages outside the language prefix, and the page that is not there (checked for its 404).
OTHER_PAGES = ("/api/v1/docs",)
MISSING = "/{lang}/no-such-page/"
# Only the violations are gathered in full (resultTypes): half the time on the long pages.
AXE_RUN = ("async () => { const r = await axe.run(document, {resultTypes: ['violations']}); "
           "return {passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, "
           "impact: v.impact, help: v.help, "
           "nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))}; }")
# How far the header, the page and the States Parties table's Status column (the last) reach
# to the right (more than the viewport is a scroll; a page without the table gives 0), and on
# how many lines the main navigation's links lie.
LAYOUT = ("() => [document.querySelector('.site-header')?.scrollWidth ?? 0,"
          " document.documentElement.scrollWidth,"
          " document.querySelector('table.states-table thead th:last-child')"
          "?.getBoundingClientRect().right ?? 0, new Set(Array.from("
          "document.querySelectorAll('.site-header nav:not(.languages) li'),"
          " item => item.getBoundingClientRect().top)).size]")


def notice_path(lang):
    from treatydesk.newsroom.notices.models import NoticePage

    notice = NoticePage.objects.live().filter(locale__language_code=lang).first()
    assert notice is not None, f"no published notice in {lang}"
    return notice.url.removeprefix(f"/{lang}")


def addresses():
    for lang in LANGUAGES:
        notice = notice_path(lang)
        for path in PAGES:
            yield f"/{lang}{path.format(notice=notice)}", 200
        yield MISSING.format(lang=lang), 404
    for path in OTHER_PAGES:
        yield path, 200


SETTLED = """() => Promise.race([
  Promise.all(document.getAnimations().map((animation) => animation.finished)),
  new Promise((done) => setTimeout(done, 3000)),
])"""


def check(page, url, width, problems):
    """Run axe-core and the layout checks on the loaded page at ``width``."""
    page.set_viewport_size({"width": width, "height": 800})
    # Colours are measured as shown: let what fades in (Wagtail's messages) finish first.
    page.evaluate(SETTLED)
    result = page.evaluate(AXE_RUN)
    assert result["passes"] > 10, f"axe-core did not run its checks on {url}"
    if result["violations"]:
        problems[f"{url} @{width}px"] = result["violations"]
    header, document, status, lines = page.evaluate(LAYOUT)
    if max(header, document, status) > width + 0.5:
        problems.setdefault(f"{url} @{width}px", []).append(
            {"id": "horizontal-overflow", "header": header, "page": document,
             "status-column": status})
    if width >= 1280 and lines > 1:  # on a phone the links wrap, inside the header's width
        problems.setdefault(f"{url} @{width}px", []).append(
            {"id": "navigation-wraps", "lines": lines})


def test_every_page_type_passes_axe_in_every_language_at_both_widths(browser, site_content):
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    context.add_init_script(script=AXE.read_text())
    page = context.new_page()
    errors, failed, foreign, host = [], [], [], urlsplit(site_content).netloc
    page.on("console", lambda message: errors.append(f"{page.url}: {message.text}")
            if message.type == "error" and "Failed to load resource" not in message.text
            else None)
    page.on("response", lambda response: failed.append(response.url)
            if response.status >= 400 and response.request.resource_type != "document"
            else None)
    page.on("request", lambda request: foreign.append(request.url)
            if urlsplit(request.url).netloc != host and not request.url.startswith("data:")
            else None)
    problems, visited, started = {}, 0, time.monotonic()
    for url, status in addresses():
        response = page.goto(site_content + url)
        assert response.status == status, f"{url} answered {response.status}"
        for width in WIDTHS:
            check(page, url, width, problems)
        visited += 1
    context.close()
    took = time.monotonic() - started
    print(f"\naxe-core: {visited} pages at {len(WIDTHS)} widths in {took:.0f} s")  # noqa: T201
    assert visited == len(LANGUAGES) * (len(PAGES) + 1) + len(OTHER_PAGES)
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())
    assert not errors, errors  # no CSP refusal, no script error
    assert not failed, failed  # every script, style and picture the pages ask for is there
    assert not foreign, f"requests to third parties: {sorted(set(foreign))[:10]}"


def test_the_admin_review_page_of_a_fact_passes_axe_in_every_language_at_both_widths(
        browser, site_content):
    """The page an editor reviews a draft fact on, with its notices, then publishes it from:
    axe-core and the layout checks, signed in, in each admin language, before and after."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    from .test_newsroom import sign_in
    from .test_recording import record_draft

    context = browser.new_context(viewport={"width": WIDTHS[-1], "height": 800})
    context.add_init_script(script=AXE.read_text())
    page = context.new_page()
    sign_in(page, site_content)
    record_draft(page, site_content)  # saved as a draft, it lands on its review page
    review, problems = page.url, {}
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="editor"))
    for lang in LANGUAGES:
        profile.preferred_language = lang
        profile.save()
        page.goto(review)
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("article.notice-review").count() == 3
        for width in WIDTHS:
            check(page, f"{review} (draft, {lang})", width, problems)
        page.set_viewport_size({"width": WIDTHS[-1], "height": 800})
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".messages a").count() == 3  # "Published: …", a link to each notice
    for width in WIDTHS:
        check(page, f"{review} (published, {LANGUAGES[-1]})", width, problems)
    context.close()
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())

